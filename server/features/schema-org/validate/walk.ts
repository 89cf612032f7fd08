/**
 * The vocabulary layer: one depth-first pass over a JSON-LD document that checks contexts,
 * types, properties and values against the compiled vocabulary, and records every node (for the
 * Google layer) and every `@id` (references are resolved after all blocks are walked).
 */
import { finding, schemaTerm } from "../findings";
import { indexPath, keyPath } from "../paths";
import type { JsonLdFinding } from "../types";
import { suggestTerm } from "../vocabulary";
import type { PropertyInfo, Vocabulary } from "../vocabulary/types";
import { analyseContext, describe, SCHEMA_CONTEXT, type ContextInfo } from "./context";
import { resolveTerm, schemaValueName } from "./terms";
import { checkLiteral, nodeFitsRange, rangeSpec } from "./values";

/** Deeper documents are rejected: real structured data is a handful of levels deep. */
export const MAX_DEPTH = 64;

export type JsonObject = Record<string, unknown>;

export type NodeRecord = {
  node: JsonObject;
  path: string;
  /** schema.org types of the node (local names that exist in the vocabulary). */
  types: readonly string[];
  /** True when `types` was implied by the property range rather than written in @type. */
  inferred: boolean;
  /** Root entry, top-level array entry or @graph member. */
  topLevel: boolean;
  /** Top-level, or the `mainEntity` of a top-level node: what a rich result is built from. */
  primary: boolean;
  parent: NodeRecord | null;
  /** schema.org property that leads from the parent to this node. */
  via: string | null;
  /** HTML script block the node came from (undefined for JSON input). */
  block: number | undefined;
};

export type PendingRef = { id: string; path: string; prop: PropertyInfo | null; block: number | undefined };

export type WalkResult = {
  findings: JsonLdFinding[];
  nodes: NodeRecord[];
  ids: Map<string, NodeRecord>;
  refs: PendingRef[];
  types: Set<string>;
};

export function newWalkResult(): WalkResult {
  return { findings: [], nodes: [], ids: new Map(), refs: [], types: new Set() };
}

const KEYWORDS = new Set([
  "@context",
  "@id",
  "@type",
  "@graph",
  "@value",
  "@language",
  "@direction",
  "@list",
  "@set",
  "@reverse",
  "@index",
  "@nest",
  "@included",
  "@json",
  "@base",
  "@vocab",
  "@version",
]);

/** `query-input`, `target-output`: schema.org Actions input/output annotations. */
const ACTION_ANNOTATION = /-(?:input|output)$/;

export function isPlainObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A node reference: an object whose only keys are `@id` (and possibly `@context`). */
function isReference(obj: JsonObject): boolean {
  let hasId = false;
  for (const key in obj) {
    if (key === "@id") hasId = true;
    else if (key !== "@context") return false;
  }
  return hasId;
}

/** Iterative scan (bounded depth) for any @context/@type key, to tell JSON-LD from plain JSON. */
function hasJsonLdMarker(doc: unknown): boolean {
  const stack: { value: unknown; depth: number }[] = [{ value: doc, depth: 1 }];
  while (stack.length > 0) {
    const { value, depth } = stack.pop() as { value: unknown; depth: number };
    if (depth > MAX_DEPTH + 1) continue;
    if (Array.isArray(value)) {
      for (const v of value) if (typeof v === "object" && v !== null) stack.push({ value: v, depth: depth + 1 });
    } else if (isPlainObject(value)) {
      if ("@context" in value || "@type" in value) return true;
      for (const key in value) {
        const v = value[key];
        if (typeof v === "object" && v !== null) stack.push({ value: v, depth: depth + 1 });
      }
    }
  }
  return false;
}

type NodeOptions = {
  topLevel: boolean;
  parent: NodeRecord | null;
  via: string | null;
  viaProp: PropertyInfo | null;
  contextDone: boolean;
};

class Walker {
  private readonly seen = new Set<object>();
  private tooDeep = false;

  constructor(
    private readonly vocab: Vocabulary,
    private readonly out: WalkResult,
    private readonly block: number | undefined,
  ) {}

  document(doc: unknown): void {
    if (doc === null || typeof doc !== "object") {
      this.push(
        finding(
          "syntax.not-jsonld",
          "$",
          `Not JSON-LD: expected an object (or an array of objects) with @context and @type, got ${describe(doc)}`,
        ),
      );
      return;
    }
    if (!hasJsonLdMarker(doc)) {
      const what = Array.isArray(doc) && doc.length === 0 ? "an empty array" : "JSON without any @context or @type";
      this.push(
        finding(
          "syntax.not-jsonld",
          "$",
          `Not JSON-LD: ${what}. Add "@context": "https://schema.org" and an "@type" such as "Product".`,
        ),
      );
      return;
    }
    if (Array.isArray(doc)) doc.forEach((entry, i) => this.top(entry, indexPath("$", i), 2));
    else this.top(doc, "$", 1);
  }

  private push(f: JsonLdFinding): void {
    if (this.block !== undefined) f.block = this.block;
    this.out.findings.push(f);
  }

  private depthExceeded(depth: number, path: string): boolean {
    if (depth <= MAX_DEPTH) return false;
    if (!this.tooDeep) {
      this.tooDeep = true;
      this.push(
        finding(
          "syntax.too-deep",
          path,
          `Nesting deeper than ${MAX_DEPTH} levels; the rest of this branch is not checked`,
        ),
      );
    }
    return true;
  }

  private top(value: unknown, path: string, depth: number): void {
    if (!isPlainObject(value)) {
      this.push(finding("vocab.invalid-node", path, `Expected a JSON-LD node object, got ${describe(value)}`));
      return;
    }
    let ctx: ContextInfo = SCHEMA_CONTEXT;
    if ("@context" in value) {
      ctx = analyseContext(value["@context"], keyPath(path, "@context"), null, this.out.findings);
    } else {
      this.push(finding("vocab.context-missing", path, 'Missing @context: add "@context": "https://schema.org"'));
    }
    const graph = value["@graph"];
    if (graph === undefined) {
      this.node(value, path, ctx, depth, { topLevel: true, parent: null, via: null, viaProp: null, contextDone: true });
      return;
    }
    const graphPath = keyPath(path, "@graph");
    if (Array.isArray(graph)) {
      graph.forEach((member, i) => {
        const memberPath = indexPath(graphPath, i);
        if (!isPlainObject(member)) {
          this.push(
            finding("vocab.invalid-node", memberPath, `@graph entries must be node objects, got ${describe(member)}`),
          );
        } else if (!this.depthExceeded(depth + 2, memberPath)) {
          this.node(member, memberPath, ctx, depth + 2, {
            topLevel: true,
            parent: null,
            via: null,
            viaProp: null,
            contextDone: false,
          });
        }
      });
    } else if (isPlainObject(graph)) {
      this.node(graph, graphPath, ctx, depth + 1, {
        topLevel: true,
        parent: null,
        via: null,
        viaProp: null,
        contextDone: false,
      });
    } else {
      this.push(
        finding("vocab.invalid-node", graphPath, `@graph must be an array of node objects, got ${describe(graph)}`),
      );
    }
    // An object with @graph and its own @type/properties is a named graph that is also a node.
    for (const key in value) {
      if (!key.startsWith("@") || key === "@type") {
        this.node(value, path, ctx, depth, {
          topLevel: true,
          parent: null,
          via: null,
          viaProp: null,
          contextDone: true,
        });
        break;
      }
    }
  }

  private node(obj: JsonObject, path: string, ctxIn: ContextInfo, depth: number, opts: NodeOptions): NodeRecord | null {
    if (this.depthExceeded(depth, path)) return null;
    // Each object is visited once: shared or cyclic objects (possible when callers pass JS values,
    // not parsed text) can neither loop nor be reported twice.
    if (this.seen.has(obj)) return null;
    this.seen.add(obj);
    const { vocab } = this;

    let ctx = ctxIn;
    if (!opts.contextDone && "@context" in obj) {
      ctx = analyseContext(obj["@context"], keyPath(path, "@context"), ctxIn, this.out.findings);
    }

    let types: string[] = [];
    let inferred = false;
    const rawType = obj["@type"];
    const typePath = keyPath(path, "@type");
    if (rawType === undefined) {
      if (opts.topLevel) {
        this.push(finding("vocab.type-missing", path, 'Missing @type: top-level nodes need a type such as "Product"'));
      } else if (opts.viaProp) {
        const implied = rangeSpec(vocab, opts.viaProp).impliedType;
        if (implied) {
          types = [implied];
          inferred = true;
        }
      }
    } else if (typeof rawType === "string") {
      this.typeName(rawType, typePath, ctx, types);
    } else if (Array.isArray(rawType) && rawType.length > 0 && rawType.every((t) => typeof t === "string")) {
      rawType.forEach((t: string, i) => this.typeName(t, indexPath(typePath, i), ctx, types));
    } else {
      this.push(
        finding(
          "vocab.type-invalid",
          typePath,
          `@type must be a string or an array of strings, not ${describe(rawType)}`,
        ),
      );
    }

    const record: NodeRecord = {
      node: obj,
      path,
      types,
      inferred,
      topLevel: opts.topLevel,
      primary: opts.topLevel || (opts.via === "mainEntity" && opts.parent?.topLevel === true),
      parent: opts.parent,
      via: opts.via,
      block: this.block,
    };
    this.out.nodes.push(record);

    const id = obj["@id"];
    if (id !== undefined) {
      if (typeof id !== "string") {
        this.push(finding("vocab.invalid-id", keyPath(path, "@id"), `@id must be a string IRI, not ${describe(id)}`));
      } else if (!this.out.ids.has(id)) {
        this.out.ids.set(id, record);
      }
    }

    const isRole = types.some((t) => vocab.classes.get(t)?.ancestors.has("Role"));
    for (const key of Object.keys(obj)) {
      const value = obj[key];
      const propPath = keyPath(path, key);
      if (key.charCodeAt(0) === 64 /* @ */) {
        this.keyword(key, value, propPath, ctx, depth, record);
        continue;
      }
      // Fast path: no aliases in scope and a bare name, which is nearly every key.
      let name: string;
      if (ctx.terms.size === 0 && key.indexOf(":") < 0) {
        name = key;
      } else {
        const resolved = resolveTerm(key, ctx);
        if (resolved.kind === "external") {
          this.push(
            finding(
              "vocab.external-property",
              propPath,
              `${key} is not a schema.org property (${resolved.iri}); not checked`,
              resolved.iri,
            ),
          );
          this.values(value, null, propPath, depth + 1, record, key, ctx);
          continue;
        }
        name = resolved.name;
      }

      const prop = vocab.properties.get(name);
      if (!prop && ACTION_ANNOTATION.test(name) && vocab.properties.has(name.replace(ACTION_ANNOTATION, ""))) {
        // schema.org Actions: `query-input` / `result-output` annotate the `query` / `result`
        // property with a PropertyValueSpecification (text shorthand allowed); nothing more to check.
        continue;
      }
      if (!prop) {
        const hint = this.propertyHint(name);
        this.push(
          finding("vocab.unknown-property", propPath, `${name} is not a schema.org property${hint}`, schemaTerm(name)),
        );
        this.values(value, null, propPath, depth + 1, record, name, ctx);
        continue;
      }
      if (prop.supersededBy) {
        this.push(
          finding("vocab.superseded", propPath, `${name} is superseded by ${prop.supersededBy}`, schemaTerm(name)),
        );
      }
      if (types.length > 0 && prop.domains.length > 0 && !(isRole && name === opts.via) && !this.applies(types, prop)) {
        const on = types.join(", ");
        const implied = inferred ? ` (implied by ${opts.via})` : "";
        this.push(
          finding(
            "vocab.property-not-on-type",
            propPath,
            `${name} is not a property of ${on}${implied}; it applies to ${prop.domains.slice(0, 6).join(", ")}${prop.domains.length > 6 ? ", …" : ""}`,
            schemaTerm(name),
          ),
        );
      }
      this.values(value, prop, propPath, depth + 1, record, name, ctx);
    }
    return record;
  }

  private applies(types: readonly string[], prop: PropertyInfo): boolean {
    for (const t of types) {
      const info = this.vocab.classes.get(t);
      if (!info) continue;
      for (const d of prop.domains) if (info.ancestors.has(d)) return true;
    }
    return false;
  }

  private propertyHint(name: string): string {
    if (this.vocab.classes.has(name)) return ` (${name} is a type; use it in @type)`;
    const suggestion = suggestTerm(this.vocab, name, "property");
    return suggestion ? `; did you mean ${suggestion}?` : "";
  }

  private typeName(raw: string, path: string, ctx: ContextInfo, into: string[]): void {
    const { vocab } = this;
    const resolved = resolveTerm(raw, ctx);
    this.out.types.add(resolved.kind === "schema" ? resolved.name : raw);
    if (resolved.kind === "external") {
      this.push(
        finding(
          "vocab.external-type",
          path,
          `${raw} is not a schema.org type; its properties are not checked`,
          resolved.iri,
        ),
      );
      return;
    }
    const { name } = resolved;
    const info = vocab.classes.get(name);
    if (info) {
      into.push(name);
      if (info.supersededBy) {
        this.push(finding("vocab.superseded", path, `${name} is superseded by ${info.supersededBy}`, schemaTerm(name)));
      }
      return;
    }
    let hint = "";
    if (vocab.properties.has(name)) hint = ` (${name} is a property, not a type)`;
    else if (vocab.enumMembers.has(name)) hint = ` (${name} is an enumeration value, not a type)`;
    else {
      const suggestion = suggestTerm(vocab, name, "type");
      if (suggestion) hint = `; did you mean ${suggestion}?`;
    }
    this.push(finding("vocab.unknown-type", path, `${name} is not a schema.org type${hint}`, schemaTerm(name)));
  }

  private keyword(
    key: string,
    value: unknown,
    path: string,
    ctx: ContextInfo,
    depth: number,
    record: NodeRecord,
  ): void {
    switch (key) {
      case "@context":
      case "@id":
      case "@type":
        return;
      case "@graph":
      case "@included":
        // Nested graphs: members are nodes of their own, checked but not top-level.
        this.values(value, null, path, depth + 1, record, null, ctx);
        return;
      case "@reverse":
        if (isPlainObject(value)) {
          for (const k of Object.keys(value))
            this.values(value[k], null, keyPath(path, k), depth + 2, record, null, ctx);
        }
        return;
      default:
        if (!KEYWORDS.has(key)) {
          this.push(
            finding("vocab.unknown-keyword", path, `${key} is not a JSON-LD keyword; JSON-LD processors drop it`),
          );
        }
    }
  }

  /** A property value: literal, node, reference, value object, list or array of those. */
  private values(
    value: unknown,
    prop: PropertyInfo | null,
    path: string,
    depth: number,
    parent: NodeRecord,
    via: string | null,
    ctx: ContextInfo,
  ): void {
    if (value === null || value === undefined) return;
    if (Array.isArray(value)) {
      if (this.depthExceeded(depth, path)) return;
      for (let i = 0; i < value.length; i++)
        this.values(value[i], prop, indexPath(path, i), depth + 1, parent, via, ctx);
      return;
    }
    if (typeof value === "object") {
      const obj = value as JsonObject;
      if ("@value" in obj) {
        const literal = obj["@value"];
        if (prop && (typeof literal === "string" || typeof literal === "number" || typeof literal === "boolean")) {
          checkLiteral(this.vocab, prop, literal, keyPath(path, "@value"), this.out.findings);
        }
        return;
      }
      if ("@list" in obj || "@set" in obj) {
        const key = "@list" in obj ? "@list" : "@set";
        this.values(obj[key], prop, keyPath(path, key), depth + 1, parent, via, ctx);
        return;
      }
      if (isReference(obj)) {
        this.reference(obj["@id"], prop, path);
        return;
      }
      const child = this.node(obj, path, ctx, depth, {
        topLevel: false,
        parent,
        via,
        viaProp: prop,
        contextDone: false,
      });
      if (child && prop && !child.inferred && child.types.length > 0 && !nodeFitsRange(this.vocab, prop, child.types)) {
        this.push(
          finding(
            "vocab.value-type",
            path,
            `${prop.name} expects ${rangeSpec(this.vocab, prop).label}, got a ${child.types.join("/")} node`,
            schemaTerm(prop.name),
          ),
        );
      }
      return;
    }
    if (prop && (typeof value === "string" || typeof value === "number" || typeof value === "boolean")) {
      checkLiteral(this.vocab, prop, value, path, this.out.findings);
    }
  }

  private reference(id: unknown, prop: PropertyInfo | null, path: string): void {
    const idPath = keyPath(path, "@id");
    if (typeof id !== "string") {
      this.push(finding("vocab.invalid-id", idPath, `@id must be a string IRI, not ${describe(id)}`));
      return;
    }
    // `{"@id": "https://schema.org/InStock"}` names a schema.org individual: check it as a value.
    if (schemaValueName(id).iri) {
      if (prop) checkLiteral(this.vocab, prop, id, idPath, this.out.findings);
      return;
    }
    this.out.refs.push({ id, path, prop, block: this.block });
  }
}

/** Walks one document (a parsed JSON-LD block) and appends to `out`. */
export function walkDocument(vocab: Vocabulary, doc: unknown, out: WalkResult, block?: number): void {
  const start = out.findings.length;
  new Walker(vocab, out, block).document(doc);
  // Helpers (context, values) push straight into `out.findings`; tag those with the block too.
  if (block !== undefined)
    for (let i = start; i < out.findings.length; i++) (out.findings[i] as JsonLdFinding).block = block;
}
