/** The subset of the Compose specification the generated stack uses, in the order it is written. */

export interface ComposeHealthcheck {
  test: string[];
  interval: string;
  timeout: string;
  retries: number;
  start_period?: string;
}

export interface ComposeServiceSecret {
  source: string;
  target: string;
}

export type ComposeDependsOn = Record<string, { condition: "service_started" | "service_healthy" }>;

export interface ComposeService {
  image: string;
  command?: string[];
  environment?: Record<string, string>;
  volumes?: string[];
  ports?: string[];
  secrets?: ComposeServiceSecret[];
  pid?: string;
  privileged?: boolean;
  devices?: string[];
  depends_on?: ComposeDependsOn;
  healthcheck: ComposeHealthcheck;
  restart: "unless-stopped";
}

export interface ComposeSecret {
  /** Compose reads the value from this environment variable (the shell or `.env`). */
  environment: string;
}

export interface ComposeFile {
  services: Record<string, ComposeService>;
  volumes?: Record<string, Record<string, never>>;
  secrets?: Record<string, ComposeSecret>;
}
