/**
 * Kubernetes Secrets as JSON: `kubectl get secret -o json`, `kubectl get secrets -o json` (a
 * `List`) and the API's `SecretList`. Every real entry is reported on its own line; ConfigMaps and
 * other objects of the same list, certificates and placeholders are not.
 */
import { describe, expect, test } from '@jest/globals'
import { defaultConfig, RuleSet } from '../src/index.js'
import { expand } from './gen.js'

const ruleSet = new RuleSet(defaultConfig())
const matcher = ruleSet.createMatcher()
const ID = 'kubernetes-secret-manifest-json'

function found(text: string): [number, string][] {
  return ruleSet
    .toFindings('secrets.json', matcher.scan(Buffer.from(text)).matches)
    .filter(f => f.ruleId === ID)
    .map(f => [f.startLine, f.secret])
}

const CERT = Buffer.from('-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIU\n').toString('base64')

describe('Kubernetes Secret JSON', () => {
  const a = expand('{b64:40}', 'k8s-json/a')
  const b = expand('{b64:32}', 'k8s-json/b')
  const c = expand('{an:28}', 'k8s-json/c')
  const cm = expand('{b64:36}', 'k8s-json/cm')

  test('kubectl List: each Secret entry on its line, not the ConfigMap or the certificate', () => {
    const list = {
      apiVersion: 'v1',
      items: [
        {
          apiVersion: 'v1',
          data: { 'ca.crt': CERT, password: 'cGFzc3dvcmQ=', token: a },
          kind: 'Secret',
          metadata: { name: 'one', labels: { app: 'x' }, ownerReferences: [{ kind: 'Pod' }] },
          type: 'Opaque'
        },
        { apiVersion: 'v1', data: { token: cm }, kind: 'ConfigMap', metadata: { name: 'cm' } },
        {
          apiVersion: 'v1',
          data: { 'db-password': b },
          immutable: true,
          kind: 'Secret',
          metadata: { name: 'two' },
          stringData: { 'api.key': c }
        }
      ],
      kind: 'List',
      metadata: { resourceVersion: '' }
    }
    const text = JSON.stringify(list, null, 4)
    const lineOf = (v: string): number => text.split('\n').findIndex(l => l.includes(v)) + 1
    expect(found(text)).toEqual([
      [lineOf(a), a],
      [lineOf(b), b],
      [lineOf(c), c]
    ])
    // The same objects on one line.
    expect(found(JSON.stringify(list)).map(([, s]) => s)).toEqual([a, b, c])
  })

  test('the API SecretList, kind first', () => {
    const text = JSON.stringify({
      kind: 'SecretList',
      apiVersion: 'v1',
      metadata: { resourceVersion: '12' },
      items: [
        { metadata: { name: 'x', annotations: { note: 'kind: Secret' } }, data: { k: a } },
        { metadata: { name: 'y' }, data: { k: b }, type: 'Opaque' }
      ]
    })
    expect(found(text).map(([, s]) => s)).toEqual([a, b])
  })

  test('a ConfigMap or a Secret without data reports nothing', () => {
    expect(found(JSON.stringify({ kind: 'ConfigMap', data: { token: cm } }, null, 2))).toEqual([])
    expect(found(JSON.stringify({ kind: 'Secret', metadata: { labels: { token: cm } } }))).toEqual(
      []
    )
  })
})
