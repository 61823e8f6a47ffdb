export function SignInScreen() {
  return <div className="screen" />;
}
