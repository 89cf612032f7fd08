/** URL slugs: one implementation for server and client, in lib/slug.ts. */
export { slugify, SLUG_MAX } from "@/lib/slug";
