package store

import (
	"errors"
	"slices"
	"testing"

	"tongban/app/staff"
)

func init() { staff.Iterations = 1000 } // PIN hashing cost is a parameter; keep tests quick

func clerk(t *testing.T, id, name string) staff.Clerk {
	t.Helper()
	c, err := staff.New(id, name, "2468")
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func clerkIDs(t *testing.T, s *Store) (ids []string) {
	t.Helper()
	list, err := s.Clerks()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range list {
		id := c.ID
		if c.Disabled {
			id += "(disabled)"
		}
		ids = append(ids, id)
	}
	return ids
}

func TestApplyStaff(t *testing.T) {
	s := openTest(t, t.TempDir())
	if v, err := s.StaffVersion(); err != nil || v != 0 {
		t.Fatalf("StaffVersion of a new store = %d, %v; want 0", v, err)
	}
	local := clerk(t, "L01", "本地")
	if err := s.PutClerk(local); err != nil {
		t.Fatal(err)
	}
	wang, li := clerk(t, "S001", "王芳"), clerk(t, "S002", "李四")
	if n, err := s.ApplyStaff([]staff.Clerk{wang, li}, 2); err != nil || n != 2 {
		t.Fatalf("ApplyStaff(2 clerks) = %d, %v; want 2 changed", n, err)
	}
	if v, _ := s.StaffVersion(); v != 2 {
		t.Fatalf("staff version %d after applying version 2", v)
	}
	if got := clerkIDs(t, s); !slices.Equal(got, []string{"L01", "S001", "S002"}) {
		t.Fatalf("clerks %v: want the local one kept beside the platform's", got)
	}
	if c, err := s.Clerk("S001"); err != nil || c.Check("2468") != nil {
		t.Fatalf("S001 after ApplyStaff: %+v, %v; want the PIN to check", c, err)
	}

	// The whole list again with one clerk disabled: one change.
	wang.Disabled = true
	if n, err := s.ApplyStaff([]staff.Clerk{wang, li}, 3); err != nil || n != 1 {
		t.Fatalf("ApplyStaff with S001 disabled = %d, %v; want 1 changed", n, err)
	}
	if got := clerkIDs(t, s); !slices.Equal(got, []string{"L01", "S001(disabled)", "S002"}) {
		t.Fatalf("clerks %v after disabling S001", got)
	}

	// A broken clerk fails the call, and nothing of it is written.
	broken := clerk(t, "S003", "赵六")
	broken.PIN = staff.PINHash{}
	_, err := s.ApplyStaff([]staff.Clerk{clerk(t, "S004", "钱七"), broken}, 4)
	if !errors.Is(err, staff.ErrBadPINHash) {
		t.Fatalf("ApplyStaff with a clerk without PIN hash: %v, want ErrBadPINHash", err)
	}
	if v, _ := s.StaffVersion(); v != 3 {
		t.Fatalf("a failed ApplyStaff moved the staff version to %d", v)
	}
	if got := clerkIDs(t, s); len(got) != 3 {
		t.Fatalf("a failed ApplyStaff wrote clerks: %v", got)
	}
}

func TestStaffVersionDamaged(t *testing.T) {
	s := openTest(t, t.TempDir())
	if err := s.Put(KeyStaffVersion, []byte("seven")); err != nil {
		t.Fatal(err)
	}
	if v, err := s.StaffVersion(); err == nil || v != 0 {
		t.Fatalf("StaffVersion of a damaged setting = %d, %v; want 0 and an error", v, err)
	}
}
