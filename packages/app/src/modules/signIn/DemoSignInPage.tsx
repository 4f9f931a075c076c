import { ProxiedSignInPage } from '@backstage/core-components';
import {
  coreApis,
  useApi,
  type IdentityApi,
} from '@backstage/frontend-plugin-api';
import type { SignInPageProps } from '@backstage/plugin-app-react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardActionArea from '@mui/material/CardActionArea';
import CardContent from '@mui/material/CardContent';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';

/** Where the picked example user is remembered, so that a reload stays signed in. */
export const DEMO_USER_STORAGE_KEY = 'city-hall-year:demo-user';

interface DemoUser {
  name: string;
  label: string;
  description?: string;
}

function UserPicker(props: {
  users: DemoUser[];
  onPick: (name: string) => void;
}) {
  const [typed, setTyped] = useState('');
  return (
    <Box sx={{ maxWidth: 960, mx: 'auto', p: 4 }}>
      <Typography variant="h4" component="h1" gutterBottom>
        市役所の一年 — 開発用サインイン
      </Typography>
      <Typography variant="body1" color="text.secondary" gutterBottom>
        Development sign-in: choose who you are in the example city hall.
      </Typography>
      <Box
        component="ul"
        sx={{
          listStyle: 'none',
          p: 0,
          display: 'grid',
          gap: 2,
          gridTemplateColumns: 'repeat(auto-fill, minmax(260px, 1fr))',
        }}
      >
        {props.users.map(user => (
          <li key={user.name}>
            <Card variant="outlined">
              <CardActionArea
                onClick={() => props.onPick(user.name)}
                data-testid={`sign-in-as-${user.name}`}
              >
                <CardContent>
                  <Typography variant="h6" component="h2">
                    {user.label}
                  </Typography>
                  {user.description && (
                    <Typography variant="body2" color="text.secondary">
                      {user.description}
                    </Typography>
                  )}
                  <Typography variant="caption" color="text.secondary">
                    user:default/{user.name}
                  </Typography>
                </CardContent>
              </CardActionArea>
            </Card>
          </li>
        ))}
      </Box>
      <Stack
        component="form"
        direction="row"
        spacing={1}
        sx={{ mt: 3 }}
        onSubmit={event => {
          event.preventDefault();
          if (typed.trim()) props.onPick(typed.trim());
        }}
      >
        <TextField
          size="small"
          label="ほかのユーザー名 / Another user name"
          value={typed}
          onChange={event => setTyped(event.target.value)}
        />
        <Button type="submit" variant="contained" disabled={!typed.trim()}>
          サインイン
        </Button>
      </Stack>
    </Box>
  );
}

/**
 * Development sign-in page: pick an example user, then sign in through the `demo`
 * auth provider, which issues a real Backstage token for that catalog user.
 * Signing out forgets the choice so that another user can be picked.
 */
export function DemoSignInPage(props: SignInPageProps) {
  const configApi = useApi(coreApis.config);
  const users: DemoUser[] = (
    configApi.getOptionalConfigArray('app.demoSignIn.users') ?? []
  ).map(c => ({
    name: c.getString('name'),
    label: c.getString('label'),
    description: c.getOptionalString('description'),
  }));
  const [userName, setUserName] = useState(() =>
    window.localStorage.getItem(DEMO_USER_STORAGE_KEY),
  );

  const forget = () => {
    window.localStorage.removeItem(DEMO_USER_STORAGE_KEY);
    setUserName(null);
  };

  if (!userName) {
    return (
      <UserPicker
        users={users}
        onPick={name => {
          window.localStorage.setItem(DEMO_USER_STORAGE_KEY, name);
          setUserName(name);
        }}
      />
    );
  }

  return (
    <ProxiedSignInPage
      {...props}
      provider="demo"
      headers={{ 'X-Demo-User': userName }}
      onSignInSuccess={(identity: IdentityApi) =>
        props.onSignInSuccess({
          getProfileInfo: () => identity.getProfileInfo(),
          getBackstageIdentity: () => identity.getBackstageIdentity(),
          getCredentials: () => identity.getCredentials(),
          signOut: async () => {
            window.localStorage.removeItem(DEMO_USER_STORAGE_KEY);
            await identity.signOut();
          },
        })
      }
      ErrorComponent={({ error }) => (
        <Box sx={{ maxWidth: 720, mx: 'auto', p: 4 }}>
          <Typography variant="h5" component="h1" gutterBottom>
            サインインできませんでした / Sign-in failed
          </Typography>
          <Typography variant="body1" gutterBottom>
            {userName}: {error?.message}
          </Typography>
          <Button variant="contained" onClick={forget}>
            別のユーザーを選ぶ / Pick another user
          </Button>
        </Box>
      )}
    />
  );
}
