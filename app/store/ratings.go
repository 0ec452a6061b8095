package store

import (
	"encoding/json"
	"time"

	bolt "go.etcd.io/bbolt"

	"tongban/app/cases"
)

// Rated is one case's rating (好差评), as the center reports it: bad
// reviews need a callback from the center.
type Rated struct {
	CaseID   string            `json:"case_id"`
	Number   string            `json:"number"`
	ItemCode string            `json:"item_code"`
	Level    cases.RatingLevel `json:"level"`
	Bad      bool              `json:"bad"`
	Channel  cases.Channel     `json:"channel"`
	Comment  string            `json:"comment,omitempty"`
	Phone    string            `json:"phone,omitempty"` // for the callback
	At       time.Time         `json:"at"`
}

// putRating records a case's rating when it first appears.
func putRating(tx *bolt.Tx, c *cases.Case) error {
	at := c.UpdatedAt
	for _, e := range c.Timeline {
		if e.Kind == cases.KindRated {
			at = e.Stamp.Time()
		}
	}
	return putJSON(tx.Bucket(bucketRatings), []byte(c.ID), Rated{
		CaseID: c.ID, Number: c.Number, ItemCode: c.ItemCode, Level: c.Rating.Level,
		Bad: c.Rating.Level.Bad(), Channel: c.Rating.Channel, Comment: c.Rating.Comment,
		Phone: c.Phone(), At: at,
	})
}

// Ratings lists the ratings this device knows, oldest first; onlyBad
// keeps the bad reviews that need a callback.
func (s *Store) Ratings(onlyBad bool) (out []Rated, err error) {
	err = s.db.View(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketRatings).ForEach(func(_, v []byte) error {
			var r Rated
			if err := json.Unmarshal(v, &r); err != nil {
				return err
			}
			if !onlyBad || r.Bad {
				out = append(out, r)
			}
			return nil
		})
	})
	return out, err
}
