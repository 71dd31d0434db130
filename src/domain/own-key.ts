/**
 * A value of a plain-object map by its own key only. Ids and other user input are keys here, and an id
 * like `constructor` or `toString` would otherwise find what Object.prototype inherits (a function),
 * not "no such entry". Pure.
 */
export const ownValue = <V>(map: Readonly<Record<string, V>>, key: string): V | undefined =>
  Object.hasOwn(map, key) ? map[key] : undefined;
