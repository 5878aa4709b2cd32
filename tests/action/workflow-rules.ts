import { parse } from 'yaml';

type Mapping = Record<string, unknown>;

const isMapping = (value: unknown): value is Mapping =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * This house's rules for a workflow, beyond what actionlint checks: permissions stated per job
 * (and none by default), no `${{ }}` inside `run:` (values go through `env:`), third-party actions
 * pinned to a full commit SHA, a concurrency group, never `pull_request_target`.
 * Returns the broken rules, one message each.
 */
export function workflowViolations(text: string): string[] {
  const workflow: unknown = parse(text);
  if (!isMapping(workflow)) return ['not a mapping'];
  const problems: string[] = [];
  const on = workflow.on;
  const events =
    typeof on === 'string' ? [on] : Array.isArray(on) ? on.map(String) : isMapping(on) ? Object.keys(on) : [];
  if (events.includes('pull_request_target')) problems.push('uses pull_request_target');
  if (!isMapping(workflow.permissions) || Object.keys(workflow.permissions).length > 0) {
    problems.push('top-level permissions must be {}');
  }
  const concurrency = workflow.concurrency;
  if (!(isMapping(concurrency) && typeof concurrency.group === 'string') && typeof concurrency !== 'string') {
    problems.push('no concurrency group');
  }
  const jobs = isMapping(workflow.jobs) ? workflow.jobs : {};
  for (const [name, job] of Object.entries(jobs)) {
    if (!isMapping(job)) continue;
    if (!isMapping(job.permissions)) problems.push(`job ${name}: no permissions`);
    const steps = Array.isArray(job.steps) ? job.steps : [];
    steps.forEach((step: unknown, index) => {
      if (!isMapping(step)) return;
      if (typeof step.run === 'string' && step.run.includes('${{')) {
        problems.push(`job ${name} step ${index + 1}: \${{ }} inside run:`);
      }
      if (
        typeof step.uses === 'string' &&
        !step.uses.startsWith('./') &&
        !step.uses.startsWith('docker://')
      ) {
        if (!/^[\w.-]+\/[\w./-]+@[0-9a-f]{40}$/.test(step.uses)) {
          problems.push(`job ${name} step ${index + 1}: ${step.uses} is not pinned to a full commit SHA`);
        }
      }
    });
  }
  return problems;
}
