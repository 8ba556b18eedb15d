import type { IExecuteFunctions } from 'n8n-workflow';

import { readBlockId, readDatabaseId, readLocatorId, readPageId } from '../parameters/locators';
import { readParent } from '../parameters/parent';

/**
 * The objects an item's writes change, each as one key: `page:<id>` (its properties, trash state, content or place),
 * `block:<id>`, `children:<id>` (what a page or block holds, in order: appended blocks, sub-pages created or moved
 * under it, `children:workspace` for the top level) and `database:<id>` (its schema). Items of one node run whose keys
 * meet run one after another in item order; the router runs the others at once.
 */
export type WriteTargets = (ctx: IExecuteFunctions, itemIndex: number) => string[];

const thePage: WriteTargets = (ctx, itemIndex) => [`page:${readPageId(ctx, itemIndex)}`];

/** Under a page or at the top level; a database's records are not ordered (a view sorts them by its own rules). */
const childrenOfParent: WriteTargets = (ctx, itemIndex) => {
	const parent = readParent(ctx, itemIndex);
	if (parent === undefined) return ['children:workspace'];
	return 'page_id' in parent ? [`children:${parent.page_id}`] : [];
};

/**
 * Every operation that writes, by `resource.operation`; an operation not listed only reads. A write listed with no
 * keys (records created in a database, the batch operation, which sends its batches one after another) keeps the
 * window of reads.
 */
export const WRITE_TARGETS: Record<string, WriteTargets> = {
	'block.appendChildren': (ctx, itemIndex) => [
		`children:${readBlockId(ctx, itemIndex, 'Parent')}`,
	],
	'block.delete': (ctx, itemIndex) => [
		`block:${readBlockId(ctx, itemIndex, 'Block', { requireFragment: true })}`,
	],
	'block.update': (ctx, itemIndex) => [
		`block:${readBlockId(ctx, itemIndex, 'Block')}`,
	],
	'database.create': (ctx, itemIndex) =>
		ctx.getNodeParameter('parentType', itemIndex) === 'page'
			? [`children:${readLocatorId(ctx, itemIndex, 'parentPageId', 'Parent Page')}`]
			: ['children:workspace'],
	'database.createOrUpdateRecords': () => [],
	'database.createRecord': () => [],
	'database.update': (ctx, itemIndex) => [`database:${readDatabaseId(ctx, itemIndex)}`],
	'database.updateRecord': (ctx, itemIndex) => [
		`page:${readLocatorId(ctx, itemIndex, 'recordId', 'Record')}`,
	],
	'file.upload': (ctx, itemIndex) =>
		ctx.getNodeParameter('destination', itemIndex, 'append') === 'append' ? [`children:${readPageId(ctx, itemIndex)}`] : [],
	'page.create': childrenOfParent,
	'page.move': (ctx, itemIndex) => [...thePage(ctx, itemIndex), ...childrenOfParent(ctx, itemIndex)],
	'page.moveToTrash': thePage,
	'page.replaceMarkdown': thePage,
	'page.restore': thePage,
	'page.update': thePage,
};
