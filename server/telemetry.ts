import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { resourceFromAttributes } from "@opentelemetry/resources";
import {
  BatchSpanProcessor,
  ConsoleSpanExporter,
  NodeTracerProvider,
  type SpanProcessor,
} from "@opentelemetry/sdk-trace-node";

/**
 * Registers an OpenTelemetry tracer provider when LECTERN_TRACES asks for one.
 * Off by default: the gateway's spans then cost nothing (the API's no-op tracer).
 * "otlp" sends to OTEL_EXPORTER_OTLP_ENDPOINT (default http://localhost:4318),
 * with the standard OTEL_EXPORTER_OTLP_* variables.
 */
export function registerTracing(
  mode: "off" | "console" | "otlp",
  info: { version: string },
): NodeTracerProvider | undefined {
  if (mode === "off") return undefined;
  const processors: SpanProcessor[] = [
    new BatchSpanProcessor(mode === "console" ? new ConsoleSpanExporter() : new OTLPTraceExporter()),
  ];
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ "service.name": "lectern", "service.version": info.version }),
    spanProcessors: processors,
  });
  provider.register();
  return provider;
}
