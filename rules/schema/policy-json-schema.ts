// The JSON Schema (draft 2020-12) of a policy document, for editors: completion of facts, paths and operators,
// and early marks on obvious mistakes. Built from the same catalog and operator lists the validator uses, so the
// two cannot drift; rules/policy.schema.json is its output (rules/cli/generate-policy-docs.ts writes it, a test
// checks it). validatePolicy stays the authority: it also checks values against fact types and regex safety.
import { catalogEntries, factNames } from '../fact-catalog.js';
import { allOperators, decoratorNames, operatorNames } from '../operators/index.js';
import { onDeadlineChoices, outcomes, policyLimits } from '../policy.js';

type Schema = Record<string, unknown>;

export function buildPolicyJsonSchema(): Schema {
  const decorated = `^(?:(?:${decoratorNames.join('|')}):)*(?:${operatorNames.join('|')})$`;
  const text = (maxLength: number, description: string): Schema => ({ type: 'string', minLength: 1, maxLength, description });
  const reviewers: Schema = { type: 'array', maxItems: policyLimits.maxReviewers, items: { type: 'string', minLength: 1, maxLength: policyLimits.maxNameLength }, description: 'reviewer accounts' };
  const approvals: Schema = { type: 'integer', minimum: 1, maximum: policyLimits.maxRequiredApprovals, description: 'distinct reviewers who must approve' };
  const groupExtras = { priority: { type: 'integer', minimum: 1 }, name: { type: 'string' } };

  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'https://release-gate.local/policy.schema.json',
    title: 'release-gate policy',
    description: 'Rules that approve, reject or escalate TCMPP mini program releases (docs/policy.md). Generated from rules/; do not edit.',
    type: 'object',
    required: ['name', 'rules'],
    additionalProperties: false,
    properties: {
      $schema: { type: 'string' },
      name: text(policyLimits.maxNameLength, 'the policy name, shown in every decision'),
      description: { type: 'string', maxLength: policyLimits.maxDescriptionLength },
      defaultOutcome: { enum: outcomes, default: 'escalate', description: 'the outcome when no rule fires' },
      escalation: {
        type: 'object',
        additionalProperties: false,
        description: 'how escalated releases are reviewed; escalate rules add reviewers and may raise requiredApprovals',
        properties: {
          reviewers,
          requiredApprovals: { ...approvals, default: 1 },
          deadlineHours: { type: ['number', 'null'], exclusiveMinimum: 0, maximum: policyLimits.maxDeadlineHours, default: null, description: 'hours reviewers have; null for no deadline' },
          onDeadline: { enum: onDeadlineChoices, default: 'remain-pending', description: 'what happens when the deadline passes' },
        },
      },
      rules: { type: 'array', maxItems: policyLimits.maxRules, items: { $ref: '#/$defs/rule' } },
    },
    $defs: {
      rule: {
        type: 'object',
        required: ['name', 'description', 'conditions', 'event'],
        additionalProperties: false,
        properties: {
          name: text(policyLimits.maxNameLength, 'unique within the policy'),
          description: text(policyLimits.maxDescriptionLength, 'why the rule exists, for reviewers and auditors'),
          priority: { type: 'integer', minimum: 1, description: 'evaluation order only; every rule is evaluated' },
          conditions: { $ref: '#/$defs/group' },
          event: { $ref: '#/$defs/event' },
        },
      },
      event: {
        type: 'object',
        required: ['type'],
        additionalProperties: false,
        properties: {
          type: { enum: outcomes },
          params: {
            type: 'object',
            additionalProperties: false,
            properties: { note: { type: 'string', maxLength: policyLimits.maxNoteLength, description: 'sent to TCMPP with the decision' }, reviewers, requiredApprovals: approvals },
          },
        },
        if: { properties: { type: { const: 'reject' } } },
        then: { required: ['params'], properties: { params: { required: ['note'], properties: { note: { minLength: 1 } } } } },
      },
      group: {
        oneOf: [
          { type: 'object', required: ['all'], additionalProperties: false, properties: { all: { type: 'array', minItems: 1, items: { $ref: '#/$defs/condition' } }, ...groupExtras } },
          { type: 'object', required: ['any'], additionalProperties: false, properties: { any: { type: 'array', minItems: 1, items: { $ref: '#/$defs/condition' } }, ...groupExtras } },
          { type: 'object', required: ['not'], additionalProperties: false, properties: { not: { $ref: '#/$defs/condition' }, ...groupExtras } },
        ],
      },
      condition: { anyOf: [{ $ref: '#/$defs/group' }, { $ref: '#/$defs/leaf' }] },
      leaf: {
        type: 'object',
        required: ['fact', 'operator', 'value'],
        additionalProperties: false,
        properties: {
          fact: { enum: factNames, description: 'a fact of the catalog (docs/policy.md)' },
          path: { type: 'string', pattern: '^\\$', maxLength: 256, description: 'a plain JSONPath into the fact, such as $.bump' },
          operator: {
            anyOf: [
              ...allOperators.map((o) => ({ const: o.name, description: `${o.summary} (for ${o.factKinds})` })),
              { type: 'string', pattern: decorated, description: 'an operator with decorators, such as not:contains or someFact:matchesPattern' },
            ],
          },
          value: { description: 'a literal, or { "fact": ..., "path": ... } to compare with another fact' },
          priority: { type: 'integer', minimum: 1 },
          name: { type: 'string' },
        },
        allOf: factNames.map((fact) => ({
          if: { properties: { fact: { const: fact } } },
          then: { properties: { path: { anyOf: [{ enum: pathsOf(fact) }, { type: 'string', pattern: '\\[' }] } } },
        })),
      },
    },
  };
}

/** The catalog paths of one fact, each described for completion. */
function pathsOf(fact: string): string[] {
  return catalogEntries().filter((e) => e.fact === fact && e.path !== null).map((e) => e.path!);
}

