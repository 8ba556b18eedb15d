/**
 * Hands out a node run's items in input order, except that an item waits while an earlier item that writes to one of
 * the same objects (its keys: actions/writeTargets.ts) has not finished: writes to one object land one at a time, in
 * item order, while items with other keys go ahead of it. Items without keys never wait.
 */
export class ItemQueue {
	/** The first item never handed out nor set aside. */
	private next = 0;
	/** Items set aside because an earlier item held one of their keys, in input order. */
	private readonly waiting: number[] = [];
	/** For each key, how many handed-out items that hold it have not finished. */
	private readonly busy = new Map<string, number>();

	/**
	 * @param keysOf the keys of an item, the same at every call
	 * @param maxWaiting how many items may be set aside before the queue stops looking further ahead
	 */
	constructor(
		private readonly count: number,
		private readonly keysOf: (itemIndex: number) => string[],
		private readonly maxWaiting = 1000,
	) {}

	/** The next item that may start now, or undefined when none may until an item finishes (or none is left). */
	take(): number | undefined {
		// Keys of items set aside ahead of the one looked at: it may not pass them.
		const blocked = new Set<string>();
		const mayStart = (itemIndex: number): boolean => {
			const keys = this.keysOf(itemIndex);
			if (keys.every((key) => !this.busy.has(key) && !blocked.has(key))) return true;
			for (const key of keys) blocked.add(key);
			return false;
		};
		for (let place = 0; place < this.waiting.length; place++) {
			const itemIndex = this.waiting[place];
			if (mayStart(itemIndex)) {
				this.waiting.splice(place, 1);
				return this.handOut(itemIndex);
			}
		}
		while (this.next < this.count && this.waiting.length < this.maxWaiting) {
			const itemIndex = this.next++;
			if (mayStart(itemIndex)) return this.handOut(itemIndex);
			this.waiting.push(itemIndex);
		}
		return undefined;
	}

	finished(itemIndex: number): void {
		for (const key of this.keysOf(itemIndex)) {
			const holders = (this.busy.get(key) ?? 1) - 1;
			if (holders === 0) this.busy.delete(key);
			else this.busy.set(key, holders);
		}
	}

	private handOut(itemIndex: number): number {
		for (const key of this.keysOf(itemIndex)) this.busy.set(key, (this.busy.get(key) ?? 0) + 1);
		return itemIndex;
	}
}
