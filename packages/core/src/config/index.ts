// Owns the one parse of the environment. Nothing else in the tree reads process.env.
// A missing or malformed variable fails at cold start with a message naming it.
import * as z from "zod";

// Zod compiles each object schema's parser with new Function on its first parse. A function
// parses most schemas a few times per cold sandbox, so the compile costs more than it saves
// (and sits on the cold first request): parse without it, everywhere, from the first module.
z.config({ jitless: true });

const bool = z.enum(["true", "false", "1", "0"]).transform((v) => v === "true" || v === "1");
const int = (fallback: number) => z.coerce.number().int().nonnegative().default(fallback);
/** An empty variable counts as unset (z.coerce would read "" as 0). */
const unsetIfEmpty = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === "" ? undefined : v), schema);
const list = z
  .string()
  .default("")
  .transform((v) =>
    v
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean),
  );
/** Cents per million tokens of one model: input, output, cache write, cache read. */
export interface Prices {
  input: number;
  output: number;
  cacheWrite: number;
  cacheRead: number;
}
/** Anthropic's list multipliers of the input price: a 5-minute cache write 1.25x, a cache read 0.1x. */
const CACHE_WRITE_FACTOR = 1.25;
const CACHE_READ_FACTOR = 0.1;
const pricesOf = (input: number, output: number, cacheWrite?: number, cacheRead?: number): Prices => ({
  input,
  output,
  cacheWrite: cacheWrite ?? input * CACHE_WRITE_FACTOR,
  cacheRead: cacheRead ?? input * CACHE_READ_FACTOR,
});
/**
 * `model=input:output[:cacheWrite:cacheRead],…` in cents per million tokens; "=" because model
 * ids may hold colons. Cache prices left out follow the input price by Anthropic's multipliers.
 */
const priceTable = z
  .string()
  .default("")
  .transform((v, ctx) => {
    const table: Record<string, Prices> = {};
    for (const entry of v
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean)) {
      const [model = "", numbers = ""] = entry.split("=", 2).map((s) => s.trim());
      const cents = numbers.split(":").map((n) => (n.trim() === "" ? Number.NaN : Number(n)));
      if (!model || ![2, 4].includes(cents.length) || cents.some((n) => !(n >= 0))) {
        ctx.issues.push({
          code: "custom",
          input: v,
          message: `"${entry}" is not model=input:output[:cacheWrite:cacheRead] in cents per million tokens`,
        });
        return z.NEVER;
      }
      const [input = 0, output = 0, cacheWrite, cacheRead] = cents;
      table[model] = pricesOf(input, output, cacheWrite, cacheRead);
    }
    return table;
  });
const percentages = z
  .string()
  .default("50,30,20")
  .transform((v) => v.split(",").map((s) => Number(s.trim())))
  .pipe(z.tuple([z.number().int().min(0), z.number().int().min(0), z.number().int().min(0)]))
  .refine(([a, b, c]) => a + b + c === 100, "give three whole percentages that add up to 100");

export const Schema = z
  .object({
    STAGE: z.string().min(1).default("local"),
    SERVICE_VERSION: z.string().default("0.0.0"),
    AWS_REGION: z.string().default("us-east-1"),
    LOG_LEVEL: z.enum(["DEBUG", "INFO", "WARN", "ERROR", "SILENT"]).default("INFO"),
    /** Set by the Lambda runtime itself; its absence means the code runs elsewhere (local, CLI). */
    AWS_LAMBDA_FUNCTION_NAME: z.string().optional(),

    DATA_TABLE: z.string().min(3),
    REALTIME_TABLE: z.string().min(3),
    UPLOADS_BUCKET: z.string().min(3),
    AGENT_QUEUE_URL: z.string().url(),
    AGENT_DLQ_URL: z.string().url().optional(),
    WS_MANAGEMENT_URL: z.string().url(),
    WS_PUBLIC_URL: z.string().url(),
    PUBLIC_URL: z.string().url(),

    DYNAMODB_ENDPOINT: z.string().url().optional(),
    S3_ENDPOINT: z.string().url().optional(),
    SQS_ENDPOINT: z.string().url().optional(),
    SECRETS_MANAGER_ENDPOINT: z.string().url().optional(),
    /** Deployed functions get secrets by ARN; config/secrets.ts reads them at cold start. */
    ANTHROPIC_API_KEY_SECRET_ARN: z.string().min(1).optional(),
    RESEND_API_KEY_SECRET_ARN: z.string().min(1).optional(),

    CORS_ORIGINS: list,
    MAX_BODY_BYTES: int(1_000_000),
    SESSION_TTL_HOURS: int(24 * 14),

    AI_PROVIDER: z.enum(["anthropic", "offline"]).optional(),
    AI_ENABLED: bool.default(true),
    ANTHROPIC_API_KEY: z.string().optional(),
    ANTHROPIC_BASE_URL: z.string().url().optional(),
    AI_MODEL: z.string().min(1).default("claude-sonnet-5-5"),
    /** The models a workspace's admin may choose from; AI_MODEL is always one of them. */
    AI_MODELS: list,
    /** Answers when the chosen model is overloaded or keeps failing; empty: none. */
    AI_FALLBACK_MODEL: z.string().default(""),
    /** Thinking and text together: current models think adaptively before answering. */
    AI_MAX_TOKENS: int(2048),
    /** Unset (or empty) sends none: Sonnet 5 and later refuse any but the default with 400. */
    AI_TEMPERATURE: unsetIfEmpty(z.coerce.number().min(0).max(1).optional()),
    /** `output_config.effort`, which also bounds thinking; empty omits it (models without it). */
    AI_EFFORT: z
      .enum(["low", "medium", "high", "xhigh", "max", ""])
      .default("low")
      .transform((v) => v || undefined),
    AI_TIMEOUT: int(60),
    OFFLINE_TOKENS_PER_SEC: int(80),
    /** The agent's context: a token budget, split messages,tasks,files+meta in percent (DESIGN §7). */
    AI_CONTEXT_TOKENS: z.coerce.number().int().min(1000).default(12_000),
    AI_CONTEXT_SPLIT: percentages,
    /** The workspace agent reads at most this many projects (its queries are per project). */
    AI_CONTEXT_MAX_PROJECTS: z.coerce.number().int().min(1).max(100).default(20),
    /** Percent of the context budget kept free for the system prompt, the question and framing. */
    AI_TOKEN_SAFETY: z.coerce.number().int().min(0).max(90).default(10),
    /** Risks & Blockers: a project with this many overdue tasks is at risk… */
    RISK_OVERDUE_TASKS: z.coerce.number().int().min(1).default(3),
    /** …and so is one with open tasks and no activity for this many days. */
    RISK_QUIET_DAYS: z.coerce.number().int().min(1).default(7),
    /** Prices of any model not in AI_PRICES, offline runs too (US cents per million tokens); defaults: Claude Sonnet list prices, 2026-11. */
    AI_PRICE_INPUT_CENTS_PER_MTOK: z.coerce.number().nonnegative().default(200),
    AI_PRICE_OUTPUT_CENTS_PER_MTOK: z.coerce.number().nonnegative().default(1000),
    AI_PRICES: priceTable,
    /** Agent budgets in US cents (fractions allowed), 0 = no limit; an admin may override them. */
    AI_BUDGET_USER_DAILY_CENTS: z.coerce.number().nonnegative().default(0),
    AI_BUDGET_WORKSPACE_DAILY_CENTS: z.coerce.number().nonnegative().default(0),
    AI_BUDGET_WORKSPACE_MONTHLY_CENTS: z.coerce.number().nonnegative().default(0),
    AI_MAX_RETRIES: int(3),
    AI_BREAKER_THRESHOLD: z.coerce.number().int().min(1).default(5),
    AI_BREAKER_COOLDOWN_SECONDS: z.coerce.number().int().min(1).default(60),
    AGENT_LIMIT_PER_MINUTE: int(5),
    AGENT_LIMIT_PER_DAY: int(50),
    AGENT_WORKSPACE_LIMIT_PER_DAY: int(500),
    /** Longest a token waits in the coalescer; 0 = every token its own delta. */
    STREAM_COALESCE_MS: int(50),
    /** Mean provider chunks per delta (the stream benchmark chose it, see README). */
    STREAM_COALESCE_TOKENS: z.coerce.number().min(1).max(1000).default(4.05),
    STREAM_COALESCE_MAX_CHARS: int(512),
    /** How often a streaming answer's content + seq is saved; 0 = after every delta. */
    STREAM_CHECKPOINT_MS: int(1500),
    AGENT_LEASE_SECONDS: int(30),

    WS_PUBLISH_CONCURRENCY: z.coerce.number().int().min(1).max(256).default(32),
    WS_WHISPER_PER_SECOND: int(10),

    RESEND_API_KEY: z.string().optional(),
    RESEND_BASE_URL: z.string().url().optional(),
    MAIL_FROM: z.string().default("ReHome <no-reply@rehome.local>"),
    /** ISO 4217 code of project budgets and change orders (amounts are in its minor units). */
    CURRENCY: z
      .string()
      .regex(/^[A-Z]{3}$/, "must be an ISO 4217 code such as USD or EUR")
      .default("USD"),

    RATE_LIMIT_TOKEN_PER_MINUTE: int(600),
    RATE_LIMIT_IP_PER_MINUTE: int(300),
    RATE_LIMIT_AUTH_PER_MINUTE: int(60),
    MESSAGE_EDIT_WINDOW_MINUTES: int(15),
    UPLOAD_MAX_BYTES: int(25 * 1024 * 1024),
    UPLOAD_URL_TTL_SECONDS: int(300),
    DOWNLOAD_URL_TTL_SECONDS: int(60),
    INVITE_TTL_HOURS: int(72),
    PASSWORD_RESET_TTL_MINUTES: int(60),
    API_TOKEN_MAX_DAYS: int(365),
  })
  .check((ctx) => {
    // A stream renews its lease with each checkpoint: checkpoints further apart than the lease
    // would let a redelivered job take over an answer that is still streaming.
    const { STREAM_CHECKPOINT_MS: every, AGENT_LEASE_SECONDS: lease } = ctx.value;
    if (every >= lease * 1000)
      ctx.issues.push({
        code: "custom",
        input: every,
        path: ["STREAM_CHECKPOINT_MS"],
        message: `must be shorter than AGENT_LEASE_SECONDS (${lease} s), or the lease lapses mid-stream`,
      });
  });

export type Config = ReturnType<typeof toConfig>;

function toConfig(env: z.infer<typeof Schema>) {
  const onLambda = Boolean(env.AWS_LAMBDA_FUNCTION_NAME);
  return {
    stage: env.STAGE,
    isLocal: env.STAGE === "local",
    version: env.SERVICE_VERSION,
    region: env.AWS_REGION,
    logLevel: env.LOG_LEVEL,
    // EMF lines are CloudWatch's metric transport on Lambda; anywhere else they are console
    // noise, printed only when debugging.
    emitMetrics: onLambda || env.LOG_LEVEL === "DEBUG",
    onLambda,
    tables: { data: env.DATA_TABLE, realtime: env.REALTIME_TABLE },
    uploadsBucket: env.UPLOADS_BUCKET,
    agentQueueUrl: env.AGENT_QUEUE_URL,
    agentDlqUrl: env.AGENT_DLQ_URL,
    wsManagementUrl: env.WS_MANAGEMENT_URL,
    wsPublicUrl: env.WS_PUBLIC_URL,
    publicUrl: env.PUBLIC_URL,
    endpoints: {
      dynamodb: env.DYNAMODB_ENDPOINT,
      s3: env.S3_ENDPOINT,
      sqs: env.SQS_ENDPOINT,
      secretsManager: env.SECRETS_MANAGER_ENDPOINT,
    },
    /** Variable name -> ARN of the secret holding its value. */
    secretArns: {
      ANTHROPIC_API_KEY: env.ANTHROPIC_API_KEY_SECRET_ARN,
      RESEND_API_KEY: env.RESEND_API_KEY_SECRET_ARN,
    },
    corsOrigins: env.CORS_ORIGINS,
    maxBodyBytes: env.MAX_BODY_BYTES,
    sessionTtlHours: env.SESSION_TTL_HOURS,
    ai: {
      enabled: env.AI_ENABLED,
      provider: env.AI_PROVIDER ?? (env.ANTHROPIC_API_KEY ? "anthropic" : "offline"),
      anthropicApiKey: env.ANTHROPIC_API_KEY,
      anthropicBaseUrl: env.ANTHROPIC_BASE_URL,
      /** The model of a workspace whose admin chose none (or chose one since taken off the list). */
      model: env.AI_MODEL,
      models: [...new Set([env.AI_MODEL, ...env.AI_MODELS])],
      fallbackModel: env.AI_FALLBACK_MODEL || undefined,
      maxTokens: env.AI_MAX_TOKENS,
      temperature: env.AI_TEMPERATURE,
      effort: env.AI_EFFORT,
      timeoutMs: env.AI_TIMEOUT * 1000,
      offlineTokensPerSec: env.OFFLINE_TOKENS_PER_SEC,
      context: {
        totalTokens: env.AI_CONTEXT_TOKENS,
        split: {
          messages: env.AI_CONTEXT_SPLIT[0] / 100,
          tasks: env.AI_CONTEXT_SPLIT[1] / 100,
          meta: env.AI_CONTEXT_SPLIT[2] / 100,
        },
        maxProjects: env.AI_CONTEXT_MAX_PROJECTS,
        safety: env.AI_TOKEN_SAFETY / 100,
      },
      maxRetries: env.AI_MAX_RETRIES,
      breaker: { threshold: env.AI_BREAKER_THRESHOLD, cooldownMs: env.AI_BREAKER_COOLDOWN_SECONDS * 1000 },
      limits: {
        perUserMinute: env.AGENT_LIMIT_PER_MINUTE,
        perUserDay: env.AGENT_LIMIT_PER_DAY,
        perWorkspaceDay: env.AGENT_WORKSPACE_LIMIT_PER_DAY,
      },
      prices: {
        byModel: env.AI_PRICES,
        other: pricesOf(env.AI_PRICE_INPUT_CENTS_PER_MTOK, env.AI_PRICE_OUTPUT_CENTS_PER_MTOK),
      },
      budgets: {
        userDailyCents: env.AI_BUDGET_USER_DAILY_CENTS,
        workspaceDailyCents: env.AI_BUDGET_WORKSPACE_DAILY_CENTS,
        workspaceMonthlyCents: env.AI_BUDGET_WORKSPACE_MONTHLY_CENTS,
      },
    },
    stream: {
      coalesceMs: env.STREAM_COALESCE_MS,
      coalesceTokens: env.STREAM_COALESCE_TOKENS,
      coalesceMaxChars: env.STREAM_COALESCE_MAX_CHARS,
      checkpointMs: env.STREAM_CHECKPOINT_MS,
      leaseMs: env.AGENT_LEASE_SECONDS * 1000,
    },
    realtime: {
      publishConcurrency: env.WS_PUBLISH_CONCURRENCY,
      whispersPerSecond: env.WS_WHISPER_PER_SECOND,
    },
    mail: { resendApiKey: env.RESEND_API_KEY, resendBaseUrl: env.RESEND_BASE_URL, from: env.MAIL_FROM },
    currency: env.CURRENCY,
    rateLimits: {
      perTokenMinute: env.RATE_LIMIT_TOKEN_PER_MINUTE,
      perIpMinute: env.RATE_LIMIT_IP_PER_MINUTE,
      credentialsPerIpMinute: env.RATE_LIMIT_AUTH_PER_MINUTE,
    },
    risks: { overdueTasks: env.RISK_OVERDUE_TASKS, quietDays: env.RISK_QUIET_DAYS },
    messageEditWindowMs: env.MESSAGE_EDIT_WINDOW_MINUTES * 60_000,
    uploads: {
      maxBytes: env.UPLOAD_MAX_BYTES,
      uploadUrlTtlSeconds: env.UPLOAD_URL_TTL_SECONDS,
      downloadUrlTtlSeconds: env.DOWNLOAD_URL_TTL_SECONDS,
    },
    links: { inviteTtlHours: env.INVITE_TTL_HOURS, resetTtlMinutes: env.PASSWORD_RESET_TTL_MINUTES },
    apiTokenMaxDays: env.API_TOKEN_MAX_DAYS,
  } as const;
}

export class ConfigError extends Error {}

/** Parses an environment; throws a ConfigError naming every bad variable. */
export function parse(env: Record<string, string | undefined>): Config {
  const result = Schema.safeParse(env);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `${i.path.join(".")}: ${describe(i, env)}`);
    throw new ConfigError(`Invalid configuration:\n  ${problems.join("\n  ")}`);
  }
  return toConfig(result.data);
}

function describe(issue: z.core.$ZodIssue, env: Record<string, string | undefined>): string {
  const name = String(issue.path[0]);
  return env[name] === undefined && issue.code === "invalid_type" ? "is required but not set" : issue.message;
}

let cached: Config | undefined;
/** Values read from Secrets Manager (config/secrets.ts); they stand in for their variables. */
let provided: Record<string, string> = {};

/** The process-wide configuration, parsed once on first use (cold start). */
export function config(): Config {
  cached ??= parse({ ...process.env, ...provided });
  return cached;
}

/** Fills in variables whose values came from a secret store; the next config() sees them. */
export function provide(values: Record<string, string>) {
  provided = { ...provided, ...values };
  cached = undefined;
}
