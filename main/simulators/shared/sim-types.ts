// What every simulator returns from its start function.

export interface SimulatorHandle<Control> {
  /** Base URL of the server, e.g. "http://127.0.0.1:41234"; clients append the provider's paths. */
  url: string;
  port: number;
  close(): Promise<void>;
  control: Control;
}
