export function CustomerFormScreen() {
  return <div className="screen" />;
}
