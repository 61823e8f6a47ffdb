export function CustomerDetailScreen() {
  return <div className="screen" />;
}
