// Placeholder until this area is built.
export default function MobileApp() {
  return <main id="main">MobileApp</main>;
}
