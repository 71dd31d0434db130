/**
 * Ids are user input, and the channel tab looks names and titles up by id in plain objects: an id
 * that is also a property of Object.prototype (`constructor`, `__proto__`, `toString`) must read as
 * "no such entry" (or as the member it really names), never as an inherited function.
 */
import { ownerFilterOptions } from '../../../src/tab/features/sessions/session-filters';
import { nameOf, namesOf, sessionTopics, topicTitlesOf } from '../../../src/tab/features/sessions/session-view';

const tricky = ['constructor', '__proto__', 'toString'];

describe('ids that are Object.prototype names', () => {
  it('nameOf says "a former member" for an unknown id, whatever it is called', () => {
    const names = namesOf([{ userId: 'u1', displayName: 'Ana Ruiz' }]);
    for (const id of tricky) expect(nameOf(names, id)).toBe('a former member');
  });

  it('a member whose id is such a name is found by it', () => {
    const names = namesOf(tricky.map((id) => ({ userId: id, displayName: `Member ${id}` })));
    for (const id of tricky) expect(nameOf(names, id)).toBe(`Member ${id}`);
  });

  it("a session's topics leave out ids that name no topic", () => {
    const titles = topicTitlesOf([{ id: 't1', title: 'Remote retros' }]);
    expect(sessionTopics({ topicIds: ['t1', ...tricky] }, titles)).toEqual(['Remote retros']);
  });

  it('the owner filter shows the id itself for an owner with no name, never a function', () => {
    const names = namesOf([]);
    const topic = (id: string, ownerId: string) => ({ id, ownerId }) as Parameters<typeof ownerFilterOptions>[0][0];
    const options = ownerFilterOptions(
      tricky.map((id, i) => topic(`t${i}`, id)),
      names,
    );
    for (const o of options) expect(typeof o.name).toBe('string');
    expect(options.map((o) => o.name).sort()).toEqual([...tricky].sort());
  });
});
