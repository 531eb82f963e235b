/**
 * A small term table like the seed archive's, for the search modules' tests. Unless a term says
 * which spellings reports write (`written`), they write every one.
 */
import type { TermEntry } from '../../../src/lib/search/term-table.ts';

const term = (
	entry: Omit<TermEntry, 'label' | 'count' | 'profile' | 'written'> & Partial<TermEntry>,
): TermEntry => ({
	label: 'Armed group',
	count: 1,
	profile: '',
	written: [entry.name, ...(entry.short ? [entry.short] : []), ...entry.spellings],
	...entry,
});

export const TERMS: TermEntry[] = [
	term({
		kind: 'groups',
		slug: 'is-k',
		name: 'Islamic State Khorasan Province',
		short: 'IS-K',
		spellings: ['ISKP', 'ISIS-K', 'ISIL-K', 'IS-KP', 'Islamic State-Khorasan Province'],
		// As in the seed reports: nobody writes ISKP, ISIL-K or IS-KP.
		written: [
			'Islamic State Khorasan Province',
			'IS-K',
			'ISIS-K',
			'Islamic State-Khorasan Province',
		],
		count: 4,
	}),
	term({ kind: 'groups', slug: 'taliban', name: 'Taliban', spellings: ['Taleban', 'Talibaan'] }),
	term({
		kind: 'groups',
		slug: 'islamic-state',
		name: 'Islamic State',
		short: 'ISIS',
		spellings: ['IS', 'ISIL', 'Daesh'],
	}),
	term({
		kind: 'groups',
		slug: 'al-qaeda',
		name: 'Al-Qaeda',
		spellings: ["al-Qa'ida", 'Al-Qaida', 'AQ'],
	}),
	term({ kind: 'groups', slug: 'lashkar-e-taiba', name: 'Lashkar-e-Taiba', spellings: ['LeT'] }),
	term({
		kind: 'regions',
		slug: 'kunduz',
		name: 'Kunduz',
		label: 'Province in Afghanistan',
		spellings: ['Kundoz', 'Qunduz', 'Kondoz'],
	}),
	term({
		kind: 'regions',
		slug: 'kabul',
		name: 'Kabul',
		label: 'City in Afghanistan',
		spellings: ['Kabol'],
	}),
	term({
		kind: 'regions',
		slug: 'kandahar',
		name: 'Kandahar',
		label: 'Province in Afghanistan',
		spellings: ['Kandhar', 'Qandahar', 'Kandahār'],
	}),
	term({
		kind: 'topics',
		slug: 'recruitment',
		name: 'Recruitment and radicalisation',
		label: 'Topic',
		spellings: ['radicalization'],
	}),
	term({
		kind: 'authors',
		slug: 'ahmad-shah-mohibi',
		name: 'Ahmad Shah Mohibi',
		label: 'Author, Rise to Peace',
		spellings: [],
	}),
];
