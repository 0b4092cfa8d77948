// Checks CloudFormation templates against the registry schemas in @aws-cdk/aws-service-spec.
// stdin: {"templates": {"<name>": <template object>}}; stdout: {"results": {"<name>": [problems]}}.
import { loadAwsServiceSpec } from '@aws-cdk/aws-service-spec';

const TOP_LEVEL = new Set(['AWSTemplateFormatVersion', 'Description', 'Metadata', 'Parameters', 'Mappings',
  'Conditions', 'Transform', 'Resources', 'Outputs']);
const RESOURCE_KEYS = new Set(['Type', 'Properties', 'DependsOn', 'DeletionPolicy', 'UpdateReplacePolicy',
  'Condition', 'Metadata']);
const STRING_INTRINSICS = new Set(['Fn::Sub', 'Ref', 'Fn::GetAtt', 'Fn::Join', 'Fn::Select', 'Fn::ImportValue']);

const input = JSON.parse(await readStdin());
const db = await loadAwsServiceSpec();
const results = {};
for (const [name, template] of Object.entries(input.templates)) {
  results[name] = check(template);
}
process.stdout.write(JSON.stringify({ results }));

function check(template) {
  const problems = [];
  for (const key of Object.keys(template)) {
    if (!TOP_LEVEL.has(key)) problems.push(`top-level key ${key} is not a template section`);
  }
  const resources = template.Resources ?? {};
  if (Object.keys(resources).length === 0) problems.push('Resources is empty');
  for (const [logicalId, resource] of Object.entries(resources)) {
    const at = `Resources.${logicalId}`;
    if (!/^[A-Za-z0-9]+$/.test(logicalId)) problems.push(`${at}: logical id is not alphanumeric`);
    for (const key of Object.keys(resource)) {
      if (!RESOURCE_KEYS.has(key)) problems.push(`${at}.${key} is not a resource attribute`);
    }
    for (const dependency of resource.DependsOn ?? []) {
      if (!(dependency in resources)) problems.push(`${at}.DependsOn: ${dependency} is not a resource of the template`);
    }
    const types = db.lookup('resource', 'cloudFormationType', 'equals', resource.Type);
    if (types.length !== 1) {
      problems.push(`${at}.Type: ${resource.Type} is not a CloudFormation resource type`);
      continue;
    }
    const spec = types[0];
    const definitions = new Map(db.follow('usesType', spec).map(link => [link.entity.$id, link.entity]));
    checkProperties(`${at}.Properties`, resource.Properties ?? {}, spec.properties, definitions, problems);
  }
  return problems;
}

function checkProperties(at, values, properties, definitions, problems) {
  for (const [name, property] of Object.entries(properties)) {
    if (property.required && !(name in values)) problems.push(`${at}.${name} is required`);
  }
  for (const [name, value] of Object.entries(values)) {
    const property = properties[name];
    if (!property) {
      problems.push(`${at}.${name} is not a property (known: ${Object.keys(properties).sort().join(', ')})`);
      continue;
    }
    checkValue(`${at}.${name}`, value, property.type, definitions, problems);
  }
}

function checkValue(at, value, type, definitions, problems) {
  const problem = mismatch(at, value, type, definitions);
  if (problem.length > 0) problems.push(...problem);
}

/** The problems of one value against one type; empty when it fits. */
function mismatch(at, value, type, definitions) {
  switch (type.type) {
    case 'union': {
      const tries = type.types.map(option => mismatch(at, value, option, definitions));
      return tries.some(found => found.length === 0) ? [] : tries.flat();
    }
    case 'string':
      if (isIntrinsic(value)) return [];
      if (typeof value !== 'string') return [`${at}: must be a string`];
      if (type.allowedValues && !type.allowedValues.includes(value)) {
        return [`${at}: '${value}' is not one of ${type.allowedValues.join(', ')}`];
      }
      return [];
    case 'integer':
    case 'number':
      return typeof value === 'number' ? [] : [`${at}: must be a number`];
    case 'boolean':
      return typeof value === 'boolean' ? [] : [`${at}: must be a boolean`];
    case 'json':
      return value !== null && typeof value === 'object' && !isIntrinsic(value) ? [] : [`${at}: must be a JSON object`];
    case 'array':
      if (!Array.isArray(value)) return [`${at}: must be a list`];
      return value.flatMap((element, index) => mismatch(`${at}[${index}]`, element, type.element, definitions));
    case 'map':
      if (value === null || typeof value !== 'object' || Array.isArray(value)) return [`${at}: must be a map`];
      return Object.entries(value).flatMap(([key, element]) => mismatch(`${at}.${key}`, element, type.element, definitions));
    case 'ref': {
      const definition = definitions.get(type.reference.$ref);
      if (!definition) return [`${at}: its type is not in the specification`];
      if (value === null || typeof value !== 'object' || Array.isArray(value)) return [`${at}: must be a ${definition.name}`];
      const problems = [];
      checkProperties(at, value, definition.properties, definitions, problems);
      return problems;
    }
    default:
      return [`${at}: the harness does not know the type ${type.type}`];
  }
}

function isIntrinsic(value) {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    && Object.keys(value).length === 1 && STRING_INTRINSICS.has(Object.keys(value)[0]);
}

async function readStdin() {
  const chunks = [];
  for await (const chunk of process.stdin) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
}
