import type { ReactNode } from 'react';
import { Route, Routes } from 'react-router';
import { RequireSignIn } from '../components/require-sign-in.tsx';
import { EditorPage } from '../editor/editor-page.tsx';
import { SettingsPage } from '../features/account/settings-page.tsx';
import { ForgotPasswordPage } from '../features/auth/forgot-password-page.tsx';
import { ResetPasswordPage } from '../features/auth/reset-password-page.tsx';
import { SignInPage } from '../features/auth/sign-in-page.tsx';
import { SignUpPage } from '../features/auth/sign-up-page.tsx';
import { VerifyPage } from '../features/auth/verify-page.tsx';
import { DataPage } from '../features/data/data-page.tsx';
import { ReportsPage } from '../features/data/reports-page.tsx';
import { ExplorePage } from '../features/explore/explore-page.tsx';
import { FeedPage } from '../features/feed/feed-page.tsx';
import { MentorshipPage } from '../features/mentorship/mentorship-page.tsx';
import { NotificationsPage } from '../features/notifications/notifications-page.tsx';
import { AuthorPage } from '../features/profile/author-page.tsx';
import { ReaderPage } from '../features/reader/reader-page.tsx';
import { SearchPage } from '../features/search/search-page.tsx';
import { MyWorksPage } from '../features/works/my-works-page.tsx';
import { WorkManagePage } from '../features/works/work-manage-page.tsx';
import { NotFoundPage } from './not-found-page.tsx';

const signedIn = (element: ReactNode) => <RequireSignIn>{element}</RequireSignIn>;

/**
 * Every screen and its address. Links in mail use /verify and /reset-password (see
 * apps/workers email templates), so those paths are part of the product's contract.
 */
export function AppRoutes() {
  return (
    <Routes>
      <Route path="/" element={<ExplorePage />} />
      <Route path="/works/:workId" element={<ReaderPage />} />
      <Route path="/works/:workId/pages/:pageId" element={<ReaderPage />} />
      <Route path="/users/:handle" element={<AuthorPage />} />
      <Route path="/search" element={<SearchPage />} />
      <Route path="/sign-up" element={<SignUpPage />} />
      <Route path="/verify" element={<VerifyPage />} />
      <Route path="/sign-in" element={<SignInPage />} />
      <Route path="/forgot-password" element={<ForgotPasswordPage />} />
      <Route path="/reset-password" element={<ResetPasswordPage />} />
      <Route path="/settings" element={signedIn(<SettingsPage />)} />
      <Route path="/my/works" element={signedIn(<MyWorksPage />)} />
      <Route path="/my/works/:workId" element={signedIn(<WorkManagePage />)} />
      <Route path="/write/:workId/:pageId" element={signedIn(<EditorPage />)} />
      <Route path="/notifications" element={signedIn(<NotificationsPage />)} />
      <Route path="/feed" element={signedIn(<FeedPage />)} />
      <Route path="/mentorship" element={signedIn(<MentorshipPage />)} />
      <Route path="/data" element={signedIn(<DataPage />)} />
      <Route path="/data/reports" element={signedIn(<ReportsPage />)} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
