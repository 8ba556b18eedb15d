// The context n8n's editor backend (DynamicNodeParametersService) gives a node's lookups: a real n8n-core
// LoadOptionsContext over the built node, with the credential's own authenticate in front of the sandbox.
import type { IDataObject, INodeParameters } from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

const { LoadOptionsContext } = require('n8n-core');
const { loadPackage } = require('../../harness/engine');

/** The Buildin node type and a LoadOptionsContext for a node with `parameters`, reading `credentials`. */
export async function editorContext(parameters: INodeParameters, credentials: IDataObject, path = 'parameters') {
	const { loader, nodeTypes } = await loadPackage();
	const node = {
		id: 'buildin',
		name: 'Buildin',
		type: 'n8n-nodes-buildin.buildin',
		typeVersion: 1,
		position: [0, 0] as [number, number],
		parameters,
		credentials: { buildinApi: { id: 'sandbox', name: 'Buildin sandbox' } },
	};
	const workflow = new Workflow({ id: 'editor', nodes: [node], connections: {}, nodeTypes, active: false });
	const credentialType = loader.credentialTypes.buildinApi.type;
	const additionalData = {
		currentNodeParameters: parameters,
		credentialsHelper: {
			getParentTypes: () => [],
			isCredentialUsableByNode: () => true,
			getDecrypted: async () => ({ ...credentials }),
			preAuthentication: async () => undefined,
			authenticate: async (decrypted: IDataObject, _type: string, options: IDataObject) =>
				await credentialType.authenticate(decrypted, options),
		},
	};
	return {
		context: new LoadOptionsContext(workflow, workflow.getNode('Buildin'), additionalData, path),
		nodeType: nodeTypes.getByNameAndVersion(node.type, 1),
	};
}
