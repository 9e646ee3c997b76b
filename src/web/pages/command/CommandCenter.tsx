// Placeholder until this area is built.
export default function CommandCenter({ bigScreen = false }: { bigScreen?: boolean }) {
  return <main id="main">CommandCenter {bigScreen ? 'screen' : ''}</main>;
}
