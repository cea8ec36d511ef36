import { BoundaryUpload } from './BoundaryUpload.tsx';
import { GroupsSection } from './GroupsSection.tsx';

export function BoundariesTab() {
  return (
    <div className="stack">
      <BoundaryUpload />
      <GroupsSection />
    </div>
  );
}
