import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';

/**
 * A choice of one department, by name in Japanese order, or of all of them (the
 * empty value). The caller names the departments, as it has their names anyway.
 */
export function DepartmentSelect(props: {
  label: string;
  /** The label of the empty value: every department. */
  allLabel: string;
  /** Group refs to choose from. */
  owners: string[];
  nameOf: (ref: string) => string;
  /** A Group ref, or '' for all. */
  value: string;
  onChange: (value: string) => void;
  testId: string;
  minWidth?: number;
}) {
  const { nameOf } = props;
  return (
    <TextField
      select
      size="small"
      label={props.label}
      value={props.value}
      onChange={e => props.onChange(e.target.value)}
      SelectProps={{ displayEmpty: true }}
      InputLabelProps={{ shrink: true }}
      sx={{ minWidth: props.minWidth ?? 220, maxWidth: 320 }}
      data-testid={props.testId}
    >
      <MenuItem value="">{props.allLabel}</MenuItem>
      {[...props.owners]
        .sort((a, b) => nameOf(a).localeCompare(nameOf(b), 'ja'))
        .map(ref => (
          <MenuItem key={ref} value={ref}>
            {nameOf(ref)}
          </MenuItem>
        ))}
    </TextField>
  );
}
