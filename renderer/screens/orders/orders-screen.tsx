export function OrdersScreen() {
  return <div className="screen" />;
}
