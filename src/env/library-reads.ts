// Variables that libraries read by themselves, so the project's code never spells them out:
// keyed by the dependency in package.json (or requirements.txt / pyproject.toml, names
// normalised to lower case with `-`) that reads them. A documented variable one of these
// libraries reads is not `unused`. Each entry was checked against the library's docs or
// source; a library that only takes its key as an argument (stripe, resend) is not here.
import { READ_BY_LIBRARIES } from './names.js';

interface LibraryEntry {
  names?: readonly string[];
  patterns?: readonly RegExp[];
}

const QSTASH: LibraryEntry = {
  names: ['QSTASH_URL', 'QSTASH_TOKEN', 'QSTASH_CURRENT_SIGNING_KEY', 'QSTASH_NEXT_SIGNING_KEY', 'QSTASH_REGION'],
  // Multi-region set-ups read `<REGION>_QSTASH_*` (src/client/multi-region/utils.ts).
  patterns: [/^(?:EU_CENTRAL_1|US_EAST_1)_QSTASH_(?:URL|TOKEN|CURRENT_SIGNING_KEY|NEXT_SIGNING_KEY)$/],
};
const OPENAI: LibraryEntry = { names: ['OPENAI_API_KEY', 'OPENAI_BASE_URL', 'OPENAI_ORG_ID', 'OPENAI_PROJECT_ID', 'OPENAI_WEBHOOK_SECRET'] };
const ANTHROPIC: LibraryEntry = { names: ['ANTHROPIC_API_KEY', 'ANTHROPIC_AUTH_TOKEN', 'ANTHROPIC_BASE_URL'] };
/** Auth.js / next-auth v4 and v5, including v5's AUTH_<PROVIDER>_ID/SECRET/ISSUER inference. */
const AUTH_JS: LibraryEntry = {
  names: ['NEXTAUTH_URL', 'NEXTAUTH_URL_INTERNAL', 'NEXTAUTH_SECRET', 'AUTH_SECRET', 'AUTH_URL', 'AUTH_TRUST_HOST', 'AUTH_REDIRECT_PROXY_URL'],
  patterns: [/^AUTH_[A-Z0-9]+_(?:ID|SECRET|ISSUER)$/],
};
const SENTRY_SDK = ['SENTRY_DSN', 'SENTRY_RELEASE', 'SENTRY_ENVIRONMENT'];
const AWS: LibraryEntry = { names: ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_REGION', 'AWS_DEFAULT_REGION', 'AWS_PROFILE'] };
const GOOGLE_CLOUD: LibraryEntry = { names: ['GOOGLE_APPLICATION_CREDENTIALS', 'GOOGLE_CLOUD_PROJECT'] };

const BY_DEPENDENCY: Readonly<Record<string, LibraryEntry>> = {
  '@upstash/qstash': QSTASH,
  '@upstash/workflow': QSTASH,
  // Redis.fromEnv(): the Upstash names, or Vercel KV's.
  '@upstash/redis': { names: ['UPSTASH_REDIS_REST_URL', 'UPSTASH_REDIS_REST_TOKEN', 'KV_REST_API_URL', 'KV_REST_API_TOKEN'] },
  '@vercel/kv': { names: ['KV_REST_API_URL', 'KV_REST_API_TOKEN'] },
  '@vercel/blob': { names: ['BLOB_READ_WRITE_TOKEN'] },
  '@vercel/postgres': { names: ['POSTGRES_URL', 'POSTGRES_URL_NON_POOLING'] },
  // get()/getAll()/has()/digest() connect with GLOBAL_CONFIG, else EDGE_CONFIG (the product's
  // former name); the SWR and trace switches likewise (vercel/storage packages/global-config/src).
  '@vercel/global-config': { names: ['GLOBAL_CONFIG', 'EDGE_CONFIG', 'GLOBAL_CONFIG_DISABLE_DEVELOPMENT_SWR', 'EDGE_CONFIG_DISABLE_DEVELOPMENT_SWR', 'GLOBAL_CONFIG_TRACE_VERBOSE', 'EDGE_CONFIG_TRACE_VERBOSE'] },
  openai: OPENAI, // the JS and the Python package
  '@anthropic-ai/sdk': ANTHROPIC,
  anthropic: ANTHROPIC,
  '@ai-sdk/openai': { names: ['OPENAI_API_KEY', 'OPENAI_BASE_URL'] },
  '@ai-sdk/anthropic': { names: ['ANTHROPIC_API_KEY', 'ANTHROPIC_BASE_URL'] },
  '@ai-sdk/google': { names: ['GOOGLE_GENERATIVE_AI_API_KEY'] },
  '@ai-sdk/azure': { names: ['AZURE_API_KEY', 'AZURE_RESOURCE_NAME'] },
  '@ai-sdk/togetherai': { names: ['TOGETHER_AI_API_KEY'] },
  '@ai-sdk/amazon-bedrock': AWS,
  // The AI SDK's default provider is the Vercel AI Gateway.
  '@ai-sdk/gateway': { names: ['AI_GATEWAY_API_KEY'] },
  ai: { names: ['AI_GATEWAY_API_KEY'] },
  'nuxt-auth-utils': { names: ['NUXT_SESSION_PASSWORD'], patterns: [/^NUXT_OAUTH_[A-Z0-9_]+$/] },
  '@nuxtjs/turnstile': { names: ['NUXT_TURNSTILE_SECRET_KEY', 'NUXT_PUBLIC_TURNSTILE_SITE_KEY'] },
  '@nuxthub/core': { patterns: [/^NUXT_HUB_[A-Z0-9_]+$/] },
  'next-auth': AUTH_JS,
  '@auth/core': AUTH_JS,
  '@auth/sveltekit': AUTH_JS,
  '@trigger.dev/sdk': { names: ['TRIGGER_SECRET_KEY', 'TRIGGER_API_URL'] },
  inngest: { names: ['INNGEST_EVENT_KEY', 'INNGEST_SIGNING_KEY', 'INNGEST_SIGNING_KEY_FALLBACK', 'INNGEST_BASE_URL', 'INNGEST_DEV'] },
  // The lingo.dev CLI (often run with `npx lingo.dev`) authenticates with LINGO_API_KEY or its
  // older name (lingo.dev packages/cli/src/cli/utils/settings.ts); its BYOK LLM keys are left out.
  'lingo.dev': { names: ['LINGO_API_KEY', 'LINGODOTDEV_API_KEY', 'LINGO_API_URL', 'LINGODOTDEV_API_URL', 'LINGODOTDEV_WEB_URL'] },
  'sentry-sdk': { names: SENTRY_SDK },
  boto3: AWS,
  googleapis: GOOGLE_CLOUD,
};

/** Families named by their scope: every package in it reads the same names. */
const BY_SCOPE: ReadonlyArray<[string, LibraryEntry]> = [
  // The SDKs read the DSN, release and environment; their build plugins the upload settings.
  ['@sentry/', { names: [...SENTRY_SDK, 'SENTRY_AUTH_TOKEN', 'SENTRY_ORG', 'SENTRY_PROJECT', 'SENTRY_URL'] }],
  ['@aws-sdk/', AWS],
  ['@google-cloud/', GOOGLE_CLOUD],
  // The OpenTelemetry SDK environment variable specification owns OTEL_* (OTEL_SERVICE_NAME,
  // OTEL_RESOURCE_ATTRIBUTES, OTEL_EXPORTER_OTLP_*, OTEL_TRACES_EXPORTER, …), so a prefix is exact here.
  ['@opentelemetry/', { patterns: [/^OTEL_[A-Z0-9_]+$/] }],
];

/** Any other AI SDK provider reads `<PROVIDER>_API_KEY` (`@ai-sdk/mistral` → MISTRAL_API_KEY). */
const AI_SDK_NOT_PROVIDERS = new Set(['@ai-sdk/react', '@ai-sdk/vue', '@ai-sdk/svelte', '@ai-sdk/solid', '@ai-sdk/rsc', '@ai-sdk/ui-utils', '@ai-sdk/provider', '@ai-sdk/provider-utils', '@ai-sdk/openai-compatible']);
function aiSdkProviderKey(dependency: string): string | undefined {
  if (!dependency.startsWith('@ai-sdk/') || BY_DEPENDENCY[dependency] || AI_SDK_NOT_PROVIDERS.has(dependency)) return undefined;
  return `${dependency.slice('@ai-sdk/'.length).toUpperCase().replace(/[^A-Z0-9]+/g, '_')}_API_KEY`;
}

/** Matches the names a set of dependencies reads; Better Auth's own are always included. */
export function libraryReads(dependencies: ReadonlySet<string>): (name: string) => boolean {
  const names = new Set<string>(READ_BY_LIBRARIES);
  const patterns: RegExp[] = [];
  const add = (entry: LibraryEntry | undefined) => {
    for (const n of entry?.names ?? []) names.add(n);
    patterns.push(...(entry?.patterns ?? []));
  };
  for (const dependency of dependencies) {
    add(BY_DEPENDENCY[dependency]);
    for (const [scope, entry] of BY_SCOPE) if (dependency.startsWith(scope)) add(entry);
    const providerKey = aiSdkProviderKey(dependency);
    if (providerKey) names.add(providerKey);
  }
  return (name) => names.has(name) || patterns.some((p) => p.test(name));
}
