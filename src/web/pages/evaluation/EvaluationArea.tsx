// Placeholder until this area is built.
export default function EvaluationArea() {
  return <main id="main">EvaluationArea</main>;
}
