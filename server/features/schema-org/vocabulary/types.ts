/** Compact, precomputed view of the schema.org vocabulary, built once per process. */

export type ClassInfo = {
  /** Local name, e.g. `Product`. */
  name: string;
  /** The class and every ancestor (transitive `rdfs:subClassOf`), precomputed so checks are O(1). */
  ancestors: ReadonlySet<string>;
  /** A schema.org data type (Text, URL, Date, Number, ... and their subtypes). */
  isDataType: boolean;
  /** A subclass of `Enumeration` (its members are `@type: X` individuals). */
  isEnumeration: boolean;
  supersededBy?: string;
};

export type PropertyInfo = {
  name: string;
  /** `schema:domainIncludes`, local names. */
  domains: readonly string[];
  /** `schema:rangeIncludes`, local names. */
  ranges: readonly string[];
  supersededBy?: string;
};

export type EnumMemberInfo = {
  name: string;
  /** Enumeration classes this member belongs to (usually one). */
  types: readonly string[];
  supersededBy?: string;
};

export type Vocabulary = {
  /** schema.org release, e.g. `30.0`. */
  release: string;
  classes: ReadonlyMap<string, ClassInfo>;
  properties: ReadonlyMap<string, PropertyInfo>;
  enumMembers: ReadonlyMap<string, EnumMemberInfo>;
  /** Milliseconds the (cold) load took, for the benchmark. */
  loadMs: number;
};
