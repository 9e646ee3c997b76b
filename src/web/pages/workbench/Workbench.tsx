// Placeholder until this area is built.
export default function Workbench() {
  return <main id="main">Workbench</main>;
}
