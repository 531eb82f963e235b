/**
 * Loaded with `node --import` into the `astro build` that scripts/build.ts starts: when the build
 * script is gone (killed with SIGKILL, which it cannot pass on), this process stops too, instead
 * of writing on into a folder nobody will use. The processes it starts with `fork()` (the card
 * workers) inherit the flag and watch it in turn.
 *
 * Node has no parent-death signal, so the parent's id is checked twice a second: a process whose
 * parent died is adopted by another (init, or a subreaper), and its parent id changes.
 */
const expected = Number(process.env.BRIEF_PARENT_PID);
// Not handed down: a forked child watches this process, its own parent.
delete process.env.BRIEF_PARENT_PID;
const parentPid = Number.isInteger(expected) && expected > 0 ? expected : process.ppid;

function stop(): void {
	console.error('\nThe build that started this process is gone; stopping.');
	process.kill(process.pid, 'SIGKILL');
}

if (process.ppid !== parentPid) stop();
setInterval(() => {
	if (process.ppid !== parentPid) stop();
}, 500).unref();

export {};
