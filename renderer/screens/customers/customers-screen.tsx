export function CustomersScreen() {
  return <div className="screen" />;
}
