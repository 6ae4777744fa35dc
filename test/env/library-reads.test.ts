// Variables libraries read by themselves (issue 11, class 5), keyed by the dependency that
// reads them: documented, they are not `unused` although the code never names them.
import { describe, expect, it } from 'vitest';
import { libraryReads } from '../../src/env/library-reads.js';

const readsOf = (deps: string[], names: string[]) => {
  const reads = libraryReads(new Set(deps));
  return names.filter((n) => reads(n));
};

describe('libraryReads', () => {
  it("matches a dependency's own variables, and only when the project depends on it", () => {
    const qstash = ['QSTASH_URL', 'QSTASH_TOKEN', 'QSTASH_CURRENT_SIGNING_KEY', 'QSTASH_NEXT_SIGNING_KEY', 'QSTASH_REGION', 'US_EAST_1_QSTASH_TOKEN'];
    expect(readsOf(['@upstash/qstash'], qstash)).toEqual(qstash);
    expect(readsOf([], qstash)).toEqual([]);
    expect(readsOf(['@upstash/redis'], ['UPSTASH_REDIS_REST_URL', 'UPSTASH_REDIS_REST_TOKEN', 'QSTASH_TOKEN'])).toEqual(['UPSTASH_REDIS_REST_URL', 'UPSTASH_REDIS_REST_TOKEN']);
  });

  it('knows the AI SDKs: openai, @anthropic-ai/sdk, and <PROVIDER>_API_KEY for any @ai-sdk/* provider', () => {
    expect(readsOf(['openai'], ['OPENAI_API_KEY', 'OPENAI_BASE_URL', 'OPENAI_ORG_ID', 'OPENAI_PROJECT_ID', 'ANTHROPIC_API_KEY'])).toEqual(['OPENAI_API_KEY', 'OPENAI_BASE_URL', 'OPENAI_ORG_ID', 'OPENAI_PROJECT_ID']);
    expect(readsOf(['@anthropic-ai/sdk'], ['ANTHROPIC_API_KEY', 'ANTHROPIC_BASE_URL'])).toEqual(['ANTHROPIC_API_KEY', 'ANTHROPIC_BASE_URL']);
    expect(readsOf(['@ai-sdk/anthropic', '@ai-sdk/google', '@ai-sdk/mistral'], ['ANTHROPIC_API_KEY', 'GOOGLE_GENERATIVE_AI_API_KEY', 'MISTRAL_API_KEY', 'OPENAI_API_KEY'])).toEqual(['ANTHROPIC_API_KEY', 'GOOGLE_GENERATIVE_AI_API_KEY', 'MISTRAL_API_KEY']);
  });

  it('knows Nuxt modules (NUXT_OAUTH_<PROVIDER>_*, the session password, Turnstile keys) and next-auth', () => {
    expect(readsOf(['nuxt-auth-utils'], ['NUXT_SESSION_PASSWORD', 'NUXT_OAUTH_GITHUB_CLIENT_ID', 'NUXT_OAUTH_GITHUB_CLIENT_SECRET', 'NUXT_PUBLIC_API_URL'])).toEqual(['NUXT_SESSION_PASSWORD', 'NUXT_OAUTH_GITHUB_CLIENT_ID', 'NUXT_OAUTH_GITHUB_CLIENT_SECRET']);
    expect(readsOf(['@nuxtjs/turnstile'], ['NUXT_TURNSTILE_SECRET_KEY', 'NUXT_PUBLIC_TURNSTILE_SITE_KEY'])).toEqual(['NUXT_TURNSTILE_SECRET_KEY', 'NUXT_PUBLIC_TURNSTILE_SITE_KEY']);
    expect(readsOf(['next-auth'], ['NEXTAUTH_URL', 'NEXTAUTH_SECRET', 'AUTH_SECRET', 'AUTH_TRUST_HOST', 'AUTH_GITHUB_ID', 'AUTH_GITHUB_SECRET'])).toEqual(['NEXTAUTH_URL', 'NEXTAUTH_SECRET', 'AUTH_SECRET', 'AUTH_TRUST_HOST', 'AUTH_GITHUB_ID', 'AUTH_GITHUB_SECRET']);
  });

  it("keeps Better Auth's own variables whatever the dependencies, and knows Python packages by their normalised names", () => {
    expect(readsOf([], ['BETTER_AUTH_SECRET', 'BETTER_AUTH_URL'])).toEqual(['BETTER_AUTH_SECRET', 'BETTER_AUTH_URL']);
    expect(readsOf(['sentry-sdk'], ['SENTRY_DSN'])).toEqual(['SENTRY_DSN']);
    expect(readsOf(['@sentry/nextjs'], ['SENTRY_DSN', 'SENTRY_AUTH_TOKEN', 'SENTRY_ORG', 'SENTRY_PROJECT'])).toEqual(['SENTRY_DSN', 'SENTRY_AUTH_TOKEN', 'SENTRY_ORG', 'SENTRY_PROJECT']);
  });

  it('knows that any @opentelemetry/* package reads OTEL_* (the SDK specification owns the namespace), and nothing else', () => {
    const otel = ['OTEL_SERVICE_NAME', 'OTEL_RESOURCE_ATTRIBUTES', 'OTEL_EXPORTER_OTLP_ENDPOINT', 'OTEL_EXPORTER_OTLP_PROTOCOL', 'OTEL_TRACES_EXPORTER'];
    expect(readsOf(['@opentelemetry/sdk-node'], [...otel, 'OTELX_KEY', 'HOTEL_NAME'])).toEqual(otel);
    expect(readsOf(['@opentelemetry/exporter-trace-otlp-http'], ['OTEL_EXPORTER_OTLP_HEADERS'])).toEqual(['OTEL_EXPORTER_OTLP_HEADERS']);
    expect(readsOf(['opentelemetry-sdk-lookalike'], otel)).toEqual([]);
  });
});
