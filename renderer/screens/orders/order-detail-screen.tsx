export function OrderDetailScreen() {
  return <div className="screen" />;
}
