// Placeholder until this area is built.
export default function CitizenPortal() {
  return <main id="main">CitizenPortal</main>;
}
