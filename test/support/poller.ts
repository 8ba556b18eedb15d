// Runs the Buildin Trigger the way a running n8n polls it, through n8n-core's PollContext against a sandbox, and keeps
// the node's static data as n8n does: in memory between polls, through JSON, and saved to the database only after
// an activation or a poll that returned items (a restart goes back to what was saved).
import type { IDataObject, INode, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { TOKEN, type Sandbox } from './workflow';

const { pollTrigger } = require('../../harness/engine');

export const TRIGGER_NAME = 'Buildin Trigger';

let workflows = 0;

export interface PollOutcome {
	/** What poll() returned: null, or the items of the one output. */
	items: INodeExecutionData[] | null;
	/** The `event` and `id` of each item, e.g. `added 2222…`. */
	events: string[];
}

export class Poller {
	/** The static data a running n8n holds in memory. */
	memory: IDataObject = {};
	/** The static data n8n has saved (what a restart starts from). */
	saved: IDataObject = {};
	readonly node: INode;
	readonly workflowId: string;

	/** `workflowId` names the workflow (a new one by default): two pollers of one workflow are one trigger polled twice. */
	constructor(
		private readonly sandbox: Sandbox,
		parameters: INodeParameters,
		private readonly options: { credentials?: IDataObject; pollBudgetMs?: number | null; workflowId?: string } = {},
	) {
		this.workflowId = options.workflowId ?? `trigger-${++workflows}`;
		this.node = {
			id: 'buildin-trigger',
			name: TRIGGER_NAME,
			type: 'n8n-nodes-buildin.buildinTrigger',
			typeVersion: 1,
			position: [0, 0],
			parameters,
			credentials: { buildinApi: { id: 'sandbox', name: 'Buildin sandbox' } },
		};
	}

	/** The trigger's state in the static data n8n holds in memory. */
	get state(): IDataObject | undefined {
		return (this.memory[`node:${TRIGGER_NAME}`] as IDataObject | undefined)?.buildinTrigger as IDataObject | undefined;
	}

	private async poll(mode: 'trigger' | 'manual', activation: string): Promise<{ outcome: PollOutcome; changed: boolean; staticData: IDataObject }> {
		const { result, staticData, changed } = await pollTrigger({
			node: this.node,
			staticData: this.memory,
			credentials: { buildinApi: { apiToken: TOKEN, baseUrl: this.sandbox.url, ...this.options.credentials } },
			mode,
			activation,
			workflowId: this.workflowId,
			pollBudgetMs: this.options.pollBudgetMs,
		});
		const items: INodeExecutionData[] | null = result === null ? null : result[0];
		const events = (items ?? []).map((item) => `${item.json.event} ${item.json.id}`);
		return { outcome: { items, events }, changed, staticData };
	}

	/** The poll at activation (n8n saves the static data after it). A failure leaves memory and saved data as they were. */
	async activate(activation: 'init' | 'activate' = 'init'): Promise<PollOutcome> {
		const { outcome, changed, staticData } = await this.poll('trigger', activation);
		this.memory = staticData;
		if (changed) this.saved = staticData;
		return outcome;
	}

	/** A poll on the schedule: n8n saves the static data only when it returned items. */
	async tick(): Promise<PollOutcome> {
		const { outcome, changed, staticData } = await this.poll('trigger', 'trigger');
		this.memory = staticData;
		if (changed && outcome.items !== null) this.saved = staticData;
		return outcome;
	}

	/** A manual "Fetch Test Event"; returns the static data as the node left it too. */
	async manual(): Promise<PollOutcome & { staticData: IDataObject; changed: boolean }> {
		const { outcome, changed, staticData } = await this.poll('manual', 'manual');
		return { ...outcome, staticData, changed };
	}

	/** n8n stopped and started again: what was only in memory is gone. */
	restart(): void {
		this.memory = JSON.parse(JSON.stringify(this.saved));
	}
}
