import { schemaOf, type DatabaseSchema } from '../helpers/schema';
import { buildinApiRequest, type BuildinContext } from '../transport';
import { oncePerExecution } from '../transport/executionCache';

// One lookup per database per execution, shared by all items (also those running at the same time). A failed
// lookup is forgotten, so each item reports its own error and a later item may succeed.
/** The database's schema (GET /v2/databases/:id), read once per execution (or per poll of the trigger). */
export async function databaseSchema(ctx: BuildinContext, itemIndex: number, databaseId: string): Promise<DatabaseSchema> {
	return await oncePerExecution(ctx, `schema:${databaseId}`, async () => {
		const response = await buildinApiRequest.call(ctx, itemIndex, {
			method: 'GET',
			path: `/v2/databases/${databaseId}`,
		});
		return schemaOf(response.body);
	});
}
