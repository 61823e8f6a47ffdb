export function OrderFormScreen() {
  return <div className="screen" />;
}
