/**
 * Runs `task` at most once per `interval()` ms however often it is asked for, and always once
 * more after the last request, so the final state is sent. Never runs inside the caller's
 * turn (a vote's acknowledgement must not wait for a broadcast), and never overlaps itself.
 */
export function coalesce(task: () => void | Promise<void>, interval: () => number): () => void {
	let last = -Infinity;
	let timer: ReturnType<typeof setTimeout> | null = null;
	let running = false;
	let again = false;

	async function fire() {
		timer = null;
		running = true;
		last = performance.now();
		try {
			await task();
		} catch (error) {
			console.error('live: scheduled publish failed', error);
		} finally {
			running = false;
		}
		if (again) {
			again = false;
			request();
		}
	}

	function request() {
		if (running) {
			again = true;
			return;
		}
		if (timer) return;
		const wait = Math.max(0, last + interval() - performance.now());
		timer = setTimeout(() => void fire(), wait);
	}

	return request;
}
