import { Navigate, useLocation, useParams } from 'react-router-dom';

/**
 * Sends an old address on to where its page lives now, keeping the rest of the path,
 * the query and the fragment, so that bookmarks and links in training material keep
 * working after a page is renamed (`/curricula/…` → `/courses/…`).
 */
export function MovedTo(props: { path: string }) {
  const { '*': rest } = useParams();
  const { search, hash } = useLocation();
  const tail = rest ? `/${rest}` : '';
  // Relative to the plugin's mount point, wherever the app mounts it.
  return <Navigate replace to={`../${props.path}${tail}${search}${hash}`} />;
}
