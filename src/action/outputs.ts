// The action's outputs: every run sets each of them (empty when it does not apply), so a workflow
// can rely on `steps.<id>.outputs.<name>` existing. action.yml documents the same names.

/** Every output the action declares, so each run sets all of them (empty when not applicable). */
export interface ActionOutputs {
  status: string;
  'failure-reason': string;
  'plan-hash': string;
  'has-changes': string;
  'create-count': string;
  'change-count': string;
  'destroy-count': string;
  'refused-count': string;
  drift: string;
  gate: string;
  'artifact-id': string;
  'artifact-url': string;
  'comment-url': string;
  'drift-issue-url': string;
  'current-path': string;
  'plan-path': string;
  'result-path': string;
}

export function emptyOutputs(): ActionOutputs {
  return {
    status: '',
    'failure-reason': '',
    'plan-hash': '',
    'has-changes': '',
    'create-count': '',
    'change-count': '',
    'destroy-count': '',
    'refused-count': '',
    drift: '',
    gate: '',
    'artifact-id': '',
    'artifact-url': '',
    'comment-url': '',
    'drift-issue-url': '',
    'current-path': '',
    'plan-path': '',
    'result-path': '',
  };
}
