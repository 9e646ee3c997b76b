// Placeholder until this area is built.
export default function AdminArea() {
  return <main id="main">AdminArea</main>;
}
