import {
  Sidebar,
  SidebarDivider,
  SidebarGroup,
  SidebarItem,
  SidebarScrollWrapper,
  SidebarSpace,
} from '@backstage/core-components';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { NavContentBlueprint } from '@backstage/plugin-app-react';
import { cityHallYearTranslationRef } from '@city-hall-year/backstage-plugin-city-hall-year';
import type { ReactNode } from 'react';
import { SidebarLogo } from './SidebarLogo';
import MenuIcon from '@material-ui/icons/Menu';
import SearchIcon from '@material-ui/icons/Search';
import NotificationsIcon from '@material-ui/icons/Notifications';
import { SidebarSearchModal } from '@backstage/plugin-search';
import { UserSettingsSignInAvatar } from '@backstage/plugin-user-settings';
import { NotificationsSidebarItem } from '@backstage/plugin-notifications';

/** The guide's sidebar item, named in the reader's language (a page's title is one text). */
function CityHallYearItem(props: { icon: ReactNode; to: string }) {
  const { t } = useTranslationRef(cityHallYearTranslationRef);
  return (
    <SidebarItem icon={() => props.icon} to={props.to} text={t('page.title')} />
  );
}

export const SidebarContent = NavContentBlueprint.make({
  params: {
    component: ({ navItems }) => {
      const nav = navItems.withComponent(item =>
        item.node.spec.id === 'page:city-hall-year' ? (
          <CityHallYearItem icon={item.icon} to={item.href} />
        ) : (
          <SidebarItem
            icon={() => item.icon}
            to={item.href}
            text={item.title}
          />
        ),
      );

      // Skipped items
      nav.take('page:search'); // Using search modal instead
      nav.take('page:notifications'); // Using NotificationsSidebarItem manually instead

      return (
        <Sidebar>
          <SidebarLogo />
          <SidebarGroup label="Search" icon={<SearchIcon />} to="/search">
            <SidebarSearchModal />
          </SidebarGroup>
          <SidebarDivider />
          <SidebarGroup label="Menu" icon={<MenuIcon />}>
            {nav.take('page:home')}
            {nav.take('page:city-hall-year')}
            {nav.take('page:catalog')}
            <SidebarDivider />
            <SidebarScrollWrapper>
              {nav.rest({ sortBy: 'title' })}
            </SidebarScrollWrapper>
          </SidebarGroup>
          <SidebarSpace />
          <SidebarDivider />
          <NotificationsSidebarItem
            // The unread count goes into the item's name: a screen reader hears what
            // the eye sees (the default names it "Notifications" and shows a number).
            renderItem={({ unreadCount, to, onClick }) => (
              <SidebarItem
                icon={NotificationsIcon}
                to={to}
                onClick={onClick}
                text={
                  unreadCount > 0
                    ? `Notifications (${
                        unreadCount > 99 ? '99+' : unreadCount
                      })`
                    : 'Notifications'
                }
              />
            )}
          />
          <SidebarDivider />
          <SidebarGroup
            label="Settings"
            icon={<UserSettingsSignInAvatar />}
            to="/settings"
          >
            {nav.take('page:app-visualizer')}
            {nav.take('page:user-settings')}
          </SidebarGroup>
        </Sidebar>
      );
    },
  },
});
