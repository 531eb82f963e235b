import { describe, expect, it } from 'vitest';
import { extractJudgments } from '../../../src/lib/markdown/judgments.ts';

describe('extractJudgments', () => {
	it('reads every <Judgment> of an MDX body in order, as plain text with its ICD 203 terms', () => {
		const body = [
			'## Key judgments',
			'',
			'<KeyJudgments>',
			'  <Judgment likelihood="very likely" confidence="moderate">',
			'    IS-K will **attack** Kabul again.',
			'  </Judgment>',
			'  <Judgment likelihood="Unlikely" confidence="High">Talks resume.</Judgment>',
			'</KeyJudgments>',
			'',
			'Text with <Judgment likelihood="likely" confidence="low">an inline one</Judgment>.',
		].join('\n');
		expect(extractJudgments(body)).toEqual([
			{
				text: 'IS-K will attack Kabul again.',
				likelihood: 'very likely',
				probability: { min: 80, max: 95 },
				confidence: 'moderate',
			},
			{
				text: 'Talks resume.',
				likelihood: 'unlikely',
				probability: { min: 20, max: 45 },
				confidence: 'high',
			},
			{
				text: 'an inline one',
				likelihood: 'likely',
				probability: { min: 55, max: 80 },
				confidence: 'low',
			},
		]);
	});

	it('finds none in a body without judgments, and skips one outside the vocabulary', () => {
		expect(extractJudgments('Just text.\n\n<Callout>A note.</Callout>\n')).toEqual([]);
		expect(
			extractJudgments('<Judgment likelihood="probable" confidence="high">x</Judgment>\n'),
		).toEqual([]);
	});
});
