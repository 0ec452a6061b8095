package client

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"net/http"
	"os"
	"os/exec"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"tongban/app/store"
	"tongban/sync/faultproxy"
	"tongban/sync/protocol"
)

// childEnv names the data folder when the test binary runs as a sync
// client process for TestKilledMidPush.
const childEnv = "TONGBAN_SYNC_CHILD"

func TestMain(m *testing.M) {
	if dir := os.Getenv(childEnv); dir != "" {
		os.Exit(syncChild(dir))
	}
	os.Exit(m.Run())
}

// syncChild is the client process: it syncs its store until the outbox is
// empty, printing each round's report as a JSON line.
func syncChild(dir string) int {
	st, err := store.Open(dir, store.Options{})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 2
	}
	defer st.Close()
	s := New(st, Options{PushBatch: 100})
	for range 50 {
		rep, err := s.Once(context.Background())
		line, _ := json.Marshal(rep)
		fmt.Println(string(line))
		if err == nil && rep.Pending == 0 {
			return 0
		}
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			time.Sleep(50 * time.Millisecond)
		}
	}
	return 1
}

// TestKilledMidPush runs the client as a separate process and kills it
// with SIGKILL while pushes are in flight - once right after the platform
// committed a push whose reply is still on its way, once at a random
// moment - then lets a fresh process finish. The platform must hold
// every event exactly once and the outbox must end empty.
func TestKilledMidPush(t *testing.T) {
	if testing.Short() {
		t.Skip("runs client processes; skipped with -short")
	}
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	eachStorage(t, func(t *testing.T, st storage) {
		p := startPlatform(t, st)
		var pushes atomic.Int64
		var onCommit atomic.Pointer[func()]
		proxy, err := faultproxy.Start(p.URL(), faultproxy.Config{Committed: func(x faultproxy.Exchange) {
			if x.Method == http.MethodPost && x.Path == protocol.PathEvents {
				pushes.Add(1)
				if f := onCommit.Swap(nil); f != nil {
					(*f)() // the reply waits until this returns
				}
			}
		}})
		if err != nil {
			t.Fatal(err)
		}
		defer proxy.Close()
		dev, dir := p.device(protocol.RoleCounter, proxy.URL)
		ids := addCases(t, dev, 1000, 3)
		dev.Close()

		start := func() (*exec.Cmd, *bytes.Buffer, chan error) {
			cmd := exec.Command(exe)
			cmd.Env = append(os.Environ(), childEnv+"="+dir)
			var out bytes.Buffer
			cmd.Stdout, cmd.Stderr = &out, &out
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			exited := make(chan error, 1)
			go func() { exited <- cmd.Wait() }()
			return cmd, &out, exited
		}
		// killer returns a function that kills this process, and a channel
		// closed once it is dead.
		killer := func(cmd *exec.Cmd, exited chan error) (func(), chan struct{}) {
			dead := make(chan struct{})
			return func() {
				defer close(dead)
				cmd.Process.Signal(syscall.SIGKILL)
				if err := <-exited; err == nil {
					t.Errorf("the client finished before it could be killed; make the test push more")
				}
			}, dead
		}
		// killAtCommit kills a fresh process while the platform's answer
		// to its first push is in flight.
		killAtCommit := func() {
			cmd, _, exited := start()
			kill, dead := killer(cmd, exited)
			onCommit.Store(&kill)
			<-dead
		}

		for range 2 {
			killAtCommit()
			// Killed at a random moment after its first push.
			cmd, _, exited := start()
			first := make(chan struct{})
			f := func() { close(first) }
			onCommit.Store(&f)
			<-first
			time.Sleep(time.Duration(rand.IntN(20_000)) * time.Microsecond)
			kill, _ := killer(cmd, exited)
			kill()
		}
		// The answer to the last push before this one was lost: a fresh
		// process sends that batch again and the platform says duplicate.
		killAtCommit()
		_, out, exited := start()
		if err := <-exited; err != nil {
			t.Fatalf("the last client process failed: %v\n%s", err, out)
		}
		var first Report
		json.Unmarshal(bytes.SplitN(out.Bytes(), []byte("\n"), 2)[0], &first)
		if first.Duplicates == 0 {
			t.Errorf("the batch whose reply was lost was not answered as duplicate: %s", out)
		}
		t.Logf("%d pushes in all, through 5 killed processes", pushes.Load())
		dev = openDevice(t, dir)
		mustPending(t, dev, 0)
		p.checkExactlyOnce(ids)
	})
}
