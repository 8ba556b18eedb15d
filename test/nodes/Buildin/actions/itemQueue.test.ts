// The order items start in: input order, an item waiting while an earlier unfinished item shares one of its keys.
import { ItemQueue } from '../../../../nodes/Buildin/actions/itemQueue';

/** Takes every item that may start now. */
function takeAll(queue: ItemQueue): number[] {
	const taken: number[] = [];
	for (let item = queue.take(); item !== undefined; item = queue.take()) taken.push(item);
	return taken;
}

describe('ItemQueue', () => {
	it('hands out items without keys in input order, all at once', () => {
		expect(takeAll(new ItemQueue(4, () => []))).toEqual([0, 1, 2, 3]);
	});

	it('holds an item back while an earlier item with its key runs, and lets later items with other keys pass', () => {
		const keys = [['page:a'], ['page:a'], ['page:b'], ['page:a'], ['page:c']];
		const queue = new ItemQueue(keys.length, (item) => keys[item]);
		expect(takeAll(queue)).toEqual([0, 2, 4]);
		queue.finished(2);
		expect(takeAll(queue)).toEqual([]);
		queue.finished(0);
		expect(takeAll(queue)).toEqual([1]);
		queue.finished(1);
		expect(takeAll(queue)).toEqual([3]);
	});

	it('never lets an item pass a waiting earlier item that shares any of its keys', () => {
		// Item 1 waits for item 0 (page:a); item 2 shares children:p with the waiting item 1, so it waits too.
		const keys = [['page:a'], ['page:a', 'children:p'], ['children:p'], ['page:z']];
		const queue = new ItemQueue(keys.length, (item) => keys[item]);
		expect(takeAll(queue)).toEqual([0, 3]);
		queue.finished(0);
		expect(takeAll(queue)).toEqual([1]);
		queue.finished(1);
		expect(takeAll(queue)).toEqual([2]);
	});

	it('stops looking ahead once as many items wait as it allows', () => {
		const keysOf = (item: number) => (item < 5 ? ['page:a'] : [`page:${item}`]);
		expect(takeAll(new ItemQueue(10, keysOf))).toEqual([0, 5, 6, 7, 8, 9]);
		const queue = new ItemQueue(10, keysOf, 3);
		expect(takeAll(queue)).toEqual([0]);
		queue.finished(0);
		expect(takeAll(queue)).toEqual([1]);
	});
});
