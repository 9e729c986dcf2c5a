/**
 * Member actions over the CloudBase store adapter (wx-server-sdk fake): naming the target by its roster
 * key costs one query (groupId + memberKey, limit 1) before the transaction, which then works by id only.
 */
import * as fakeSdk from '../fakes/wx-server-sdk'
import { changeMemberRole, listMembers } from '../../contracts'
import { createCloudbaseStore } from '../../store/cloudbase'
import { memberKey } from '../../usecases/member-keys'
import { GROUP, MEMBER, OWNER, seedGroup, testCaller } from '../support/fixture'

describe('member actions on CloudBase: the SDK calls', () => {
  it('changeRole finds the key’s member with one query, then reads and writes by id in the transaction', async () => {
    const cloud = fakeSdk.createFakeCloud()
    const store = createCloudbaseStore(cloud.database())
    await store.ensureSchema()
    await seedGroup(store)
    const owner = testCaller(store).as(OWNER)
    const roster = await owner.call(listMembers, { groupId: GROUP })
    const target = roster.items.find((m) => m.key === memberKey(GROUP, MEMBER))!
    cloud.calls.length = 0
    expect(await owner.call(changeMemberRole, { groupId: GROUP, memberKey: target.key, role: 'admin' })).toMatchObject({ key: target.key, role: 'admin', isViewer: false })
    const outside = cloud.calls.filter((c) => !c.inTransaction && c.op !== 'runTransaction')
    expect(outside.map((c) => `${c.op} ${c.collection}`)).toEqual(['document.get groups', 'document.get members', 'collection.get members'])
    expect(JSON.stringify(outside[2].query)).toContain(target.key)
    expect(outside[2].query).toContainEqual({ method: 'limit', args: [1] })
    const inTx = cloud.calls.filter((c) => c.inTransaction)
    expect(inTx.some((c) => c.op === 'collection.get' || c.op === 'collection.count')).toBe(false)
  })
})
