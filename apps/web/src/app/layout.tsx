import { useState } from 'react';
import type { ReactNode } from 'react';
import { Link, NavLink, useNavigate } from 'react-router';
import { NotificationBell } from '../features/notifications/notification-bell.tsx';
import { useSession } from '../lib/session.tsx';

/** Header (brand, navigation, bell, account) and the main landmark every screen renders in. */
export function Layout({ children }: { children: ReactNode }) {
  const { me, signOut } = useSession();
  const navigate = useNavigate();
  const [menuOpen, setMenuOpen] = useState(false);
  const close = () => setMenuOpen(false);
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="site-header">
        <Link to="/" className="brand" onClick={close}>
          Pluma
        </Link>
        <button
          type="button"
          className="menu-toggle"
          aria-expanded={menuOpen}
          aria-controls="site-nav"
          onClick={() => setMenuOpen((open) => !open)}
        >
          Menu
        </button>
        <nav id="site-nav" aria-label="Main" className={menuOpen ? 'open' : undefined}>
          <NavLink to="/" end onClick={close}>
            Explore
          </NavLink>
          <NavLink to="/search" onClick={close}>
            Search
          </NavLink>
          {me ? (
            <>
              <NavLink to="/my/works" onClick={close}>
                My works
              </NavLink>
              <NavLink to="/feed" onClick={close}>
                Feed
              </NavLink>
              <NavLink to="/mentorship" onClick={close}>
                Mentorship
              </NavLink>
              <NavLink to="/data" onClick={close}>
                Data
              </NavLink>
            </>
          ) : null}
        </nav>
        <div className="header-actions">
          {me ? (
            <>
              <NotificationBell />
              <NavLink to="/settings" className="account-link" onClick={close}>
                {me.displayName}
              </NavLink>
              <button
                type="button"
                className="link-button"
                onClick={() => void signOut().then(() => navigate('/'))}
              >
                Sign out
              </button>
            </>
          ) : me === null ? (
            <>
              <NavLink to="/sign-in">Sign in</NavLink>
              <Link to="/sign-up" className="button">
                Sign up
              </Link>
            </>
          ) : null}
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}
