export { DepartmentProposalsCard } from './DepartmentProposalsCard';
export { EntryProposals } from './EntryProposals';
export { ProposalEditorPage } from './ProposalEditorPage';
export { ProposalPage } from './ProposalPage';
export { ProposalsPage } from './ProposalsPage';
export { ProposalStatusChip } from './ProposalStatusChip';
