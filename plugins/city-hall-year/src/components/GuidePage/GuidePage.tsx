import { Box, Container, Flex, Text, type FlexProps } from '@backstage/ui';
import { configApiRef, useApi } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import { useEffect, type ReactNode } from 'react';
import { cityHallYearTranslationRef } from '../../translation';

/**
 * The browser tab's title for a page: the page, the guide, the app —
 * 「出納閉鎖 | 市役所の一年 | Backstage」 — so that a screen reader's first words and
 * the list of tabs say where the reader is. The previous title returns on leaving.
 */
function useDocumentTitle(title: string) {
  const { t } = useTranslationRef(cityHallYearTranslationRef);
  const app =
    useApi(configApiRef).getOptionalString('app.title') ?? 'Backstage';
  const guide = t('page.title');
  useEffect(() => {
    const before = document.title;
    document.title = [...new Set([title, guide, app])]
      .filter(Boolean)
      .join(' | ');
    return () => {
      document.title = before;
    };
  }, [title, guide, app]);
}

/** A Backstage UI row that wraps on a phone rather than overflowing; Flex has no prop for it. */
function WrappingFlex(
  props: Omit<FlexProps, 'style'> & { children: ReactNode },
) {
  return <Flex {...props} style={{ flexWrap: 'wrap' }} />;
}

/**
 * The frame of every page of the guide: a header with the page's title, an optional
 * subtitle and actions, then the content.
 *
 * Composed from Backstage UI rather than the deprecated `Page`, `Header` and `Content`
 * of core-components, so that it reads the same in apps on either frontend system. Its
 * own header (not the framework's plugin header) keeps the title a wrapping `h1` and
 * lets the actions wrap below it on a phone.
 */
export function GuidePage(props: {
  title: string;
  subtitle?: string;
  actions?: ReactNode;
  children?: ReactNode;
}) {
  useDocumentTitle(props.title);
  return (
    <>
      <Box
        as="header"
        py="5"
        mb="5"
        style={{ borderBottom: '1px solid var(--bui-border-1)' }}
      >
        <Container mb="0">
          <WrappingFlex justify="between" align="center" gap="3">
            <Box minWidth="0">
              <Text as="h1" variant="title-medium" weight="bold">
                {props.title}
              </Text>
              {props.subtitle && (
                <Text as="p" variant="body-medium" color="secondary">
                  {props.subtitle}
                </Text>
              )}
            </Box>
            {props.actions && (
              <WrappingFlex gap="2" align="center">
                {props.actions}
              </WrappingFlex>
            )}
          </WrappingFlex>
        </Container>
      </Box>
      <Container>{props.children}</Container>
    </>
  );
}
