// Asks @cloud-copilot/iam-simulate for IAM decisions on a batch of cases.
//
//   stdin:  {"cases": [{"name", "identityPolicies", "serviceControlPolicies", "resourceControlPolicies",
//                       "resourcePolicy", "request"}]}
//           request: {"principal", "action", "resource", "resourceAccount"?, "principalOrgId"?, "contextVariables"?}
//   stdout: {"results": [{"name", "decision", "errors"}]}, in the order of the cases
//
// One process answers the whole batch, so a test matrix pays Node's start-up and the loading
// of the action catalogue once. Every result has either a decision ("Allowed",
// "ImplicitlyDenied" or "ExplicitlyDenied", the library's own words) or a non-empty list of
// errors, never both: anything the library rejects or would silently skip is reported, because
// a skipped policy or context key turns into a wrong "denied" that looks like a passing test.
// The exit code is non-zero only when stdin is not a batch at all. README.md beside this file
// says how AWS concepts map onto the library.

import { runSimulation } from '@cloud-copilot/iam-simulate'
import { isIamRoleArn, isIamUserArn, isServicePrincipal } from '@cloud-copilot/iam-utils'
import { readStdin } from './stdin.mjs'

// All given SCPs are attached to this one organization level. AWS requires an Allow on every
// level from the root down to the account; when each level has FullAWSAccess (the default) that
// is the same decision as one level holding FullAWSAccess plus the deny policies.
const SCP_LEVEL = 'r-harness'
// All given RCPs are attached to one level of the resource's organization; the library adds AWS's
// RCPFullAWSAccess to every level itself, so cases pass only their deny policies.
const RCP_LEVEL = 'r-harness'
// The services whose resources AWS applies RCPs to (Organizations User Guide, "Resource control
// policies (RCPs)"); for any other action the library would apply them and AWS would not.
const RCP_SERVICES = new Set(['s3', 'sts', 'kms', 'sqs', 'secretsmanager'])

const IAM_PRINCIPAL_ARN = /^arn:[a-z-]+:(iam|sts)::(\d{12}):.+/
const ARN_ACCOUNT = /^arn:[a-z-]+:[a-z0-9-]+:[a-z0-9-]*:(\d{12}):/
const SERVICE_LINKED_ROLE = /^arn:[a-z-]+:iam::\d{12}:role\/aws-service-role\//

async function main() {
  let batch
  try {
    batch = JSON.parse(await readStdin())
  } catch (error) {
    fail(`stdin is not JSON: ${error.message}`)
  }
  if (!Array.isArray(batch?.cases)) {
    fail('stdin must be {"cases": [...]}')
  }
  const results = []
  for (const testCase of batch.cases) {
    results.push(await decide(testCase))
  }
  process.stdout.write(JSON.stringify({ results }) + '\n')
}

async function decide(testCase) {
  const name = testCase?.name
  const problems = inputProblems(testCase)
  if (problems.length > 0) {
    return { name, decision: null, errors: problems }
  }
  let response
  try {
    response = await runSimulation(toSimulation(testCase), { simulationMode: 'Strict' })
  } catch (error) {
    return { name, decision: null, errors: [`iam-simulate failed: ${error.stack ?? error}`] }
  }
  if (response.resultType === 'error') {
    return { name, decision: null, errors: describeLibraryErrors(response.errors, testCase.request) }
  }
  const ignoredKeys = ignoredContextKeys(response)
  if (ignoredKeys.length > 0) {
    const { action, resource } = testCase.request
    return {
      name,
      decision: null,
      errors: ignoredKeys.map(
        (key) => `iam-simulate ignores context key "${key}": it does not apply to ${action} on ${resource}`
      )
    }
  }
  return { name, decision: response.overallResult, errors: [] }
}

// Mistakes the library accepts without complaint but that would quietly change the decision.
function inputProblems(testCase) {
  const problems = []
  if (typeof testCase?.name !== 'string' || testCase.name === '') {
    problems.push('every case needs a non-empty "name"')
  }
  const request = testCase?.request ?? {}
  for (const field of ['principal', 'action', 'resource']) {
    if (typeof request[field] !== 'string' || request[field] === '') {
      problems.push(`request.${field} must be a non-empty string`)
    }
  }
  if (problems.length > 0) {
    return problems
  }
  const { principal, resource } = request
  // The library answers ImplicitlyDenied for a principal it cannot parse instead of an error.
  if (!isServicePrincipal(principal) && !IAM_PRINCIPAL_ARN.test(principal)) {
    problems.push(`request.principal "${principal}" is neither an IAM/STS ARN nor a service principal`)
  }
  // AWS never applies SCPs to service principals or service-linked roles; the library would.
  const scpFree = isServicePrincipal(principal) || SERVICE_LINKED_ROLE.test(principal)
  if (scpFree && (testCase.serviceControlPolicies ?? []).length > 0) {
    problems.push(`SCPs do not apply to ${principal} in AWS; give this case no serviceControlPolicies`)
  }
  // AWS never applies RCPs to service-linked roles, nor to services RCPs do not support.
  if ((testCase.resourceControlPolicies ?? []).length > 0) {
    const service = request.action.split(':')[0].toLowerCase()
    if (SERVICE_LINKED_ROLE.test(principal)) {
      problems.push(`RCPs do not apply to ${principal} in AWS; give this case no resourceControlPolicies`)
    }
    if (!RCP_SERVICES.has(service)) {
      problems.push(`RCPs do not apply to ${request.action} in AWS (only ${[...RCP_SERVICES].join(', ')})`)
    }
  }
  if (request.principalOrgId !== undefined && !/^o-[a-z0-9]{10,32}$/.test(request.principalOrgId)) {
    problems.push(`request.principalOrgId "${request.principalOrgId}" is not an organization id (o-...)`)
  }
  if (request.principalOrgId !== undefined && isServicePrincipal(principal)) {
    problems.push(`request.principalOrgId: a service principal ${principal} belongs to no organization`)
  }
  if (!request.resourceAccount && !ARN_ACCOUNT.test(resource)) {
    problems.push(`request.resourceAccount is required: "${resource}" names no account`)
  }
  for (const [key, value] of Object.entries(request.contextVariables ?? {})) {
    const isStringList = Array.isArray(value) && value.every((item) => typeof item === 'string')
    if (typeof value !== 'string' && !isStringList) {
      problems.push(`context value of "${key}" must be a string or a list of strings`)
    }
  }
  // AWS rejects such a key or topic policy; the library just lets the statement match nobody.
  const statements = [testCase.resourcePolicy?.Statement ?? []].flat()
  statements.forEach((statement, index) => {
    if (statement.Principal === undefined && statement.NotPrincipal === undefined) {
      problems.push(`resourcePolicy Statement[${index}] has no Principal or NotPrincipal`)
    }
  })
  return problems
}

function toSimulation(testCase) {
  const { principal, action, resource, resourceAccount, principalOrgId, contextVariables } = testCase.request
  const scps = testCase.serviceControlPolicies ?? []
  const rcps = testCase.resourceControlPolicies ?? []
  return {
    request: {
      principal,
      action,
      resource: { resource, accountId: resourceAccount ?? resource.match(ARN_ACCOUNT)[1] },
      contextVariables: withPrincipalKeys(principal, principalOrgId, contextVariables ?? {})
    },
    identityPolicies: (testCase.identityPolicies ?? []).map((policy, index) => ({
      name: `identityPolicies[${index}]`,
      policy
    })),
    // No level at all means no SCP is evaluated: an account outside an organization.
    serviceControlPolicies:
      scps.length === 0
        ? []
        : [
            {
              orgIdentifier: SCP_LEVEL,
              policies: scps.map((policy, index) => ({ name: `serviceControlPolicies[${index}]`, policy }))
            }
          ],
    // No level at all means no RCP is evaluated: a resource outside an organization.
    resourceControlPolicies:
      rcps.length === 0
        ? []
        : [
            {
              orgIdentifier: RCP_LEVEL,
              policies: rcps.map((policy, index) => ({ name: `resourceControlPolicies[${index}]`, policy }))
            }
          ],
    resourcePolicy: testCase.resourcePolicy ?? undefined
  }
}

// AWS puts aws:PrincipalArn and aws:PrincipalAccount into every request signed by an IAM role
// or user; the library only knows the context keys it is given. Without them an
// "ArnNotLike aws:PrincipalArn" deny would hit every principal, the exempt one too.
// Assumed-role session ARNs are left alone: their aws:PrincipalArn is the role ARN including
// its path, which the session ARN does not carry, so such cases must pass it themselves.
// aws:PrincipalIsAWSService is in every request (true only for a service principal), and
// aws:PrincipalOrgID only when the principal's account is in an organization: a case says which
// with request.principalOrgId, and leaving it out means the principal is outside every organization.
function withPrincipalKeys(principal, principalOrgId, contextVariables) {
  const given = new Set(Object.keys(contextVariables).map((key) => key.toLowerCase()))
  const derived = {}
  if (!given.has('aws:principalisawsservice')) {
    derived['aws:PrincipalIsAWSService'] = isServicePrincipal(principal) ? 'true' : 'false'
  }
  if (principalOrgId !== undefined && !given.has('aws:principalorgid')) {
    derived['aws:PrincipalOrgID'] = principalOrgId
  }
  if (isIamRoleArn(principal) || isIamUserArn(principal)) {
    if (!given.has('aws:principalarn')) {
      derived['aws:PrincipalArn'] = principal
    }
    if (!given.has('aws:principalaccount')) {
      derived['aws:PrincipalAccount'] = principal.match(IAM_PRINCIPAL_ARN)[2]
    }
  }
  return { ...derived, ...contextVariables }
}

// The library reports a message id (e.g. "policy.errors", "invalid.action") and, for policies,
// validation errors keyed by policy name; the names above say which input policy is meant.
function describeLibraryErrors(errors, { action, resource }) {
  const described = [`iam-simulate rejected ${action} on ${resource}: ${errors.message}`]
  for (const [kind, detail] of Object.entries(errors)) {
    if (kind === 'message') {
      continue
    }
    const byPolicy = Array.isArray(detail) ? { [kind.replace(/Errors$/, '')]: detail } : detail
    for (const [policyName, validationErrors] of Object.entries(byPolicy)) {
      for (const error of validationErrors) {
        described.push(
          typeof error === 'string' ? `${policyName}: ${error}` : `${policyName} ${error.path}: ${error.message}`
        )
      }
    }
  }
  return described
}

function ignoredContextKeys(response) {
  const results = response.resultType === 'single' ? [response.result] : response.results
  return [...new Set(results.flatMap((result) => result.ignoredContextKeys ?? []))]
}

function fail(message) {
  process.stderr.write(`simulate.mjs: ${message}\n`)
  process.exit(2)
}

await main()
